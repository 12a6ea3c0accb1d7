package org.shegong.search.index;

import org.shegong.search.analysis.WordPlaces;

import java.time.Instant;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import java.util.Map;
import org.apache.lucene.util.BytesRef;
import org.shegong.content.Article;
import org.shegong.content.KindFields;
import org.shegong.content.BodyHtml;

/** How an article becomes a Lucene document: the field names and what each holds. */
public final class ArticleDocuments {

    public static final String ID = "id";
    public static final String TITLE = "title";
    public static final String SUMMARY = "summary";
    public static final String BODY = "body";
    public static final String TITLE_BIGRAMS = "title_bigram";
    public static final String SUMMARY_BIGRAMS = "summary_bigram";
    public static final String BODY_BIGRAMS = "body_bigram";
    /** Dictionary words and bigrams with their best place (see {@link WordPlaces}), for ranking. */
    public static final String PLACE_WORDS = "place_word";
    public static final String PLACE_BIGRAMS = "place_bigram";
    public static final String COLUMN = "column";
    public static final String PRIMARY_COLUMN = "primary_column";
    public static final String KIND = "kind";
    static final String STATUS = "status";
    public static final String PUBLISHED = "published";
    /** Region codes: the article's tags, the places above them and their macro-regions (see IndexedRegions). */
    public static final String REGION = "region";
    /** The provinces of the article's tags, as doc values: the search page's facet counts. */
    public static final String REGION_PROVINCE = "region_province";
    /** Which rebuild last wrote the document; a rebuild removes what it did not write. */
    static final String GENERATION = "generation";

    /**
     * Text without length norms: ranking uses where a word occurs, not term statistics (ADR 0018), so norms
     * would only cost indexing time and space.
     */
    private static final FieldType TEXT = text(false);
    private static final FieldType STORED_TEXT = text(true);

    private ArticleDocuments() {
    }

    private static FieldType text(boolean stored) {
        FieldType type = new FieldType(stored ? TextField.TYPE_STORED : TextField.TYPE_NOT_STORED);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    static Document of(Article article, long generation, Analyzer dictionaryWords) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(article.id()), Field.Store.YES));
        Text text = Text.of(article);
        String title = text.title();
        String summary = text.summary();
        String body = text.body();
        doc.add(new Field(TITLE, title, STORED_TEXT));
        doc.add(new Field(TITLE_BIGRAMS, title, TEXT));
        doc.add(new Field(SUMMARY, summary, STORED_TEXT));
        doc.add(new Field(SUMMARY_BIGRAMS, summary, TEXT));
        if (!body.isEmpty()) {
            doc.add(new Field(BODY, body, STORED_TEXT));
            doc.add(new Field(BODY_BIGRAMS, body, TEXT));
        }
        addPlaces(doc, dictionaryWords, text);
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

    /** The article's region codes, for filters and region words, and its provinces for facet counts. */
    static void addRegions(Document doc, IndexedRegions.Codes codes) {
        for (String code : codes.all()) {
            doc.add(new StringField(REGION, code, Field.Store.NO));
        }
        for (String province : codes.provinces()) {
            doc.add(new SortedSetDocValuesField(REGION_PROVINCE, new BytesRef(province)));
        }
    }

    /**
     * An article's searchable text: title, list summary and the body as plain text, followed by what its item
     * type adds that readers search for (a 一图读懂's transcript, a 政策文件's 文号 and 发文机关).
     */
    record Text(String title, String summary, String body) {

        static Text of(Article article) {
            return new Text(article.title(), article.listSummary() == null ? "" : article.listSummary(),
                    BodyHtml.plainText(article.bodyHtml()) + typeText(article.fields()));
        }

        private static String typeText(KindFields f) {
            StringBuilder text = new StringBuilder();
            for (String part : new String[] {f.transcript(), f.docNumber(), f.issuer()}) {
                if (part != null) {
                    text.append('\n').append(part);
                }
            }
            return text.toString();
        }
    }

    /** The ranking fields ({@link WordPlaces}) of one or more versions of an article's text. */
    static void addPlaces(Document doc, Analyzer dictionaryWords, Text... versions) {
        WordPlaces words = new WordPlaces();
        WordPlaces bigrams = new WordPlaces();
        for (Text version : versions) {
            words.words(dictionaryWords, TITLE, version.title(), WordPlaces.TITLE)
                    .words(dictionaryWords, SUMMARY, version.summary(), WordPlaces.SUMMARY)
                    .words(dictionaryWords, BODY, version.body(), WordPlaces.BODY);
            bigrams.bigrams(version.title(), WordPlaces.TITLE)
                    .bigrams(version.summary(), WordPlaces.SUMMARY)
                    .bigrams(version.body(), WordPlaces.BODY);
        }
        doc.add(new Field(PLACE_WORDS, words.stream(), WordPlaces.TYPE));
        doc.add(new Field(PLACE_BIGRAMS, bigrams.stream(), WordPlaces.TYPE));
    }

    private static long publishedMillis(Article article) {
        Instant at = article.publishedAt() != null ? article.publishedAt() : article.updatedAt();
        return at == null ? 0 : at.toEpochMilli();
    }

    /** Word analysis for titles and summaries, dictionary words for bodies, bigrams for the {@code *_bigram} fields. */
    static Analyzer perField(Analyzer words, Analyzer dictionaryWords, Analyzer bigrams) {
        return new PerFieldAnalyzerWrapper(words, Map.of(
                BODY, dictionaryWords,
                TITLE_BIGRAMS, bigrams,
                SUMMARY_BIGRAMS, bigrams,
                BODY_BIGRAMS, bigrams));
    }
}
