package org.shegong.search.index;

import org.shegong.search.SearchQuery;
import org.shegong.search.WorkingCopy;

import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.shegong.content.Article;
import org.shegong.content.ArticleStatus;

/**
 * Who finds which document (ADR 0015). A live article's public document is what readers find. Editors find every
 * article's newest text once: the public document when nothing newer is pending, otherwise the article's working
 * document (a draft, a withdrawn article, or the pending revision of a live one). A working document carries no
 * status, so a readers' search, which asks for status LIVE, can never match it; each kind has its own key, so
 * replacing or deleting one never touches the other.
 */
public final class EditorDocuments {

    /** The document's key: {@code public:ID} or {@code working:ID}. */
    static final String KEY = "key";
    /** Multi-valued: {@link #ANY} on every document editors find, plus each editorial stage the article is in. */
    static final String STAGE = "editor_stage";
    static final String ANY = "*";
    /** The stage of a live article with nothing pending (the workflow's LIVE). */
    private static final String LIVE = ArticleStatus.LIVE.name();
    private static final Set<String> TEXT_FIELDS = Set.of(ArticleDocuments.TITLE, ArticleDocuments.TITLE_BIGRAMS,
            ArticleDocuments.SUMMARY, ArticleDocuments.SUMMARY_BIGRAMS, ArticleDocuments.BODY,
            ArticleDocuments.BODY_BIGRAMS);

    private EditorDocuments() {
    }

    static Term publicKey(long articleId) {
        return new Term(KEY, "public:" + articleId);
    }

    static Term workingKey(long articleId) {
        return new Term(KEY, "working:" + articleId);
    }

    static boolean isWorkingKey(Term key) {
        return KEY.equals(key.field()) && key.text().startsWith("working:");
    }

    /** A live article's public text; editors find it too unless the article has a working copy. */
    static Document published(Article article, long generation, boolean editorsFindIt, Analyzer dictionaryWords) {
        Document doc = ArticleDocuments.of(article, generation, dictionaryWords);
        doc.add(new StringField(KEY, publicKey(article.id()).text(), Field.Store.NO));
        if (editorsFindIt) {
            addStages(doc, Set.of(LIVE));
        }
        return doc;
    }

    /**
     * An editors' working copy. For a live article the public text is added unstored, so editors find the article
     * by the words of either version while the result shows the newer one.
     */
    static Document working(WorkingCopy copy, long generation, Analyzer dictionaryWords) {
        Document doc = ArticleDocuments.of(copy.article(), generation, dictionaryWords);
        doc.removeFields(ArticleDocuments.STATUS);
        doc.add(new StringField(KEY, workingKey(copy.article().id()).text(), Field.Store.NO));
        if (copy.published() != null) {
            for (IndexableField field : ArticleDocuments.of(copy.published(), generation, dictionaryWords)) {
                if (TEXT_FIELDS.contains(field.name()) && field.stringValue() != null) {
                    doc.add(unstored(field));
                }
            }
            doc.removeFields(ArticleDocuments.PLACE_WORDS);
            doc.removeFields(ArticleDocuments.PLACE_BIGRAMS);
            ArticleDocuments.addPlaces(doc, dictionaryWords, ArticleDocuments.Text.of(copy.article()),
                    ArticleDocuments.Text.of(copy.published()));
        }
        addStages(doc, copy.stages());
        return doc;
    }

    /** The filter that decides who finds what: readers only public documents, editors one document per article. */
    public static Query visibleTo(SearchQuery request) {
        if (request.audience() == SearchQuery.Audience.READERS) {
            return readersFind();
        }
        return new TermQuery(new Term(STAGE, request.stage() == null ? ANY : request.stage()));
    }

    /** The public documents: live articles' public text. */
    static Query readersFind() {
        return new TermQuery(new Term(ArticleDocuments.STATUS, LIVE));
    }

    private static void addStages(Document doc, Set<String> stages) {
        doc.add(new StringField(STAGE, ANY, Field.Store.NO));
        for (String stage : stages) {
            doc.add(new StringField(STAGE, stage, Field.Store.NO));
        }
    }

    /** The same field, indexed alike (a field's index options must not vary), but not stored. */
    private static Field unstored(IndexableField field) {
        FieldType type = new FieldType(field.fieldType());
        type.setStored(false);
        type.freeze();
        return new Field(field.name(), field.stringValue(), type);
    }
}
