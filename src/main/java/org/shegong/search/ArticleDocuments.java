package org.shegong.search;

import java.time.Instant;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.shegong.content.Article;
import org.shegong.content.BodyHtml;

/** How an article becomes a Lucene document: the field names and what each holds. */
final class ArticleDocuments {

    static final String ID = "id";
    static final String TITLE = "title";
    static final String SUMMARY = "summary";
    static final String BODY = "body";
    static final String TITLE_BIGRAMS = "title_bigram";
    static final String SUMMARY_BIGRAMS = "summary_bigram";
    static final String BODY_BIGRAMS = "body_bigram";
    static final String COLUMN = "column";
    static final String PRIMARY_COLUMN = "primary_column";
    static final String KIND = "kind";
    static final String STATUS = "status";
    static final String PUBLISHED = "published";
    /** Which rebuild last wrote the document; a rebuild removes what it did not write. */
    static final String GENERATION = "generation";

    private ArticleDocuments() {
    }

    static Term idTerm(long articleId) {
        return new Term(ID, Long.toString(articleId));
    }

    static Document of(Article article, long generation) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(article.id()), Field.Store.YES));
        String title = article.title();
        String summary = article.listSummary() == null ? "" : article.listSummary();
        String body = BodyHtml.plainText(article.bodyHtml());
        doc.add(new TextField(TITLE, title, Field.Store.YES));
        doc.add(new TextField(TITLE_BIGRAMS, title, Field.Store.NO));
        doc.add(new TextField(SUMMARY, summary, Field.Store.YES));
        doc.add(new TextField(SUMMARY_BIGRAMS, summary, Field.Store.NO));
        if (!body.isEmpty()) {
            doc.add(new TextField(BODY, body, Field.Store.YES));
            doc.add(new TextField(BODY_BIGRAMS, body, Field.Store.NO));
        }
        for (Long column : article.columnIds()) {
            doc.add(new StringField(COLUMN, column.toString(), Field.Store.NO));
        }
        doc.add(new StoredField(PRIMARY_COLUMN, article.primaryColumnId()));
        doc.add(new StringField(KIND, article.kind().name(), Field.Store.YES));
        doc.add(new StringField(STATUS, article.status().name(), Field.Store.NO));
        long published = publishedMillis(article);
        doc.add(new LongPoint(PUBLISHED, published));
        doc.add(new NumericDocValuesField(PUBLISHED, published));
        doc.add(new StoredField(PUBLISHED, published));
        doc.add(new LongPoint(GENERATION, generation));
        return doc;
    }

    private static long publishedMillis(Article article) {
        Instant at = article.publishedAt() != null ? article.publishedAt() : article.updatedAt();
        return at == null ? 0 : at.toEpochMilli();
    }
}
