package org.shegong.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.IndexableFieldType;
import org.shegong.search.analysis.WordPlaces;

/**
 * How a document of the Lucene index becomes an OpenSearch document with the same terms (ADR 0057). The app
 * analyses the text with the index's own analyzers (sector dictionary, smartcn, folding, bigrams) and sends the
 * tokens, space-separated, into fields the cluster splits on whitespace only; so both backends hold the same terms
 * and the editors' vocabulary needs no analysis plugin or configuration on the cluster. A word's best place (the
 * term frequency of the Lucene place fields, ADR 0018) becomes which of three keyword fields holds it. The text a
 * result shows is kept, unindexed, under {@link #STORED}.
 */
public final class OpenSearchDocuments {

    /** The unindexed object holding what a result shows: id, title, summary, body, primary column, kind, date. */
    public static final String STORED = "stored";
    /** Stands for a skipped position between tokens, so a phrase cannot match across the gap. */
    public static final String GAP = "_";
    static final String KEY = EditorDocuments.KEY;
    private static final String[] KEYWORDS = {ArticleDocuments.ID, ArticleDocuments.COLUMN, ArticleDocuments.KIND,
            ArticleDocuments.STATUS, ArticleDocuments.REGION, ArticleDocuments.REGION_PROVINCE, EditorDocuments.KEY,
            EditorDocuments.STAGE};
    private static final String[] WORD_FIELDS = {ArticleDocuments.TITLE, ArticleDocuments.SUMMARY,
            ArticleDocuments.BODY};
    private static final String[] PHRASE_FIELDS = {ArticleDocuments.TITLE_BIGRAMS, ArticleDocuments.SUMMARY_BIGRAMS,
            ArticleDocuments.BODY_BIGRAMS};

    private OpenSearchDocuments() {
    }

    /** The keyword field holding the words (or bigrams) of {@code placeField} whose best place is {@code place}. */
    public static String placeField(String placeField, int place) {
        return placeField + "_" + place;
    }

    /** A token as the cluster holds it: whitespace would split it, so it is replaced. */
    public static String token(String term) {
        return term.replaceAll("\\s", "\u00a0");
    }

    /** Settings and mappings of a new index. */
    static Map<String, Object> definition(int shards, int replicas) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String field : KEYWORDS) {
            properties.put(field, Map.of("type", "keyword"));
        }
        for (String field : WORD_FIELDS) {
            properties.put(field, Map.of("type", "text", "analyzer", "whitespace", "norms", false,
                    "index_options", "docs"));
        }
        for (String field : PHRASE_FIELDS) {
            properties.put(field, Map.of("type", "text", "analyzer", "whitespace", "norms", false,
                    "index_options", "positions"));
        }
        for (String field : List.of(ArticleDocuments.PLACE_WORDS, ArticleDocuments.PLACE_BIGRAMS)) {
            for (int place = WordPlaces.BODY; place <= WordPlaces.TITLE; place++) {
                properties.put(placeField(field, place), Map.of("type", "keyword"));
            }
        }
        properties.put(ArticleDocuments.PUBLISHED, Map.of("type", "date", "format", "epoch_millis"));
        properties.put(ArticleDocuments.GENERATION, Map.of("type", "long"));
        properties.put(STORED, Map.of("type", "object", "enabled", false));
        properties.put(OpenSearchIndex.STATE, Map.of("type", "object", "enabled", false));
        List<String> tokenFields = new ArrayList<>(List.of(WORD_FIELDS));
        tokenFields.addAll(List.of(PHRASE_FIELDS));
        tokenFields.add(ArticleDocuments.PLACE_WORDS + "_*");
        tokenFields.add(ArticleDocuments.PLACE_BIGRAMS + "_*");
        return Map.of(
                "settings", Map.of("index", Map.of("number_of_shards", shards, "number_of_replicas", replicas,
                        // Newest first, as the Lucene index: ties and "newest" searches read the newest first.
                        "sort.field", ArticleDocuments.PUBLISHED, "sort.order", "desc")),
                "mappings", Map.of("dynamic", "strict",
                        // The tokens are rebuilt from the database, never read back: the source keeps what results show.
                        "_source", Map.of("excludes", tokenFields),
                        "properties", properties));
    }

    /** The OpenSearch source of a Lucene document, analysed by {@code perField} as the Lucene index would. */
    static Map<String, Object> source(Document doc, Analyzer perField) {
        Map<String, StringBuilder> tokens = new LinkedHashMap<>();
        Map<String, Set<String>> keywords = new LinkedHashMap<>();
        Map<String, Object> source = new LinkedHashMap<>();
        Map<String, Object> stored = new LinkedHashMap<>();
        for (IndexableField field : doc) {
            String name = field.name();
            IndexableFieldType type = field.fieldType();
            if (name.equals(ArticleDocuments.PLACE_WORDS) || name.equals(ArticleDocuments.PLACE_BIGRAMS)) {
                places(field, perField, keywords);
            } else if (type.indexOptions() != IndexOptions.NONE && type.tokenized()) {
                append(tokens.computeIfAbsent(name, n -> new StringBuilder()), perField, name, field.stringValue());
                if (type.stored()) {
                    stored.putIfAbsent(name, field.stringValue());
                }
            } else if (type.indexOptions() != IndexOptions.NONE) {
                keywords.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(field.stringValue());
                if (type.stored()) {
                    stored.put(name, field.stringValue());
                }
            } else if (type.pointDimensionCount() == 1) {
                source.put(name, field.numericValue().longValue());
            } else if (type.docValuesType() == DocValuesType.SORTED_SET) {
                keywords.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(field.binaryValue().utf8ToString());
            } else if (type.stored() && field.numericValue() != null) {
                stored.put(name, field.numericValue().longValue());
            }
        }
        tokens.forEach((name, text) -> source.put(name, text.toString()));
        keywords.forEach((name, values) -> source.put(name, List.copyOf(values)));
        source.put(STORED, stored);
        return source;
    }

    /** Each word once, in the keyword field of its best place (its term frequency in the Lucene field). */
    private static void places(IndexableField field, Analyzer analyzer, Map<String, Set<String>> keywords) {
        try (TokenStream stream = field.tokenStream(analyzer, null)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            TermFrequencyAttribute place = stream.addAttribute(TermFrequencyAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                keywords.computeIfAbsent(placeField(field.name(), place.getTermFrequency()),
                        n -> new LinkedHashSet<>()).add(token(term.toString()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text's tokens, space-separated, with {@link #GAP} for every skipped position. */
    private static void append(StringBuilder out, Analyzer analyzer, String field, String text) {
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                for (int i = 1; i < increment.getPositionIncrement(); i++) {
                    out.append(GAP).append(' ');
                }
                out.append(token(term.toString())).append(' ');
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
