package org.shegong.search.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.shegong.system.Han;

/**
 * Where in an article each word occurs at best, for ranking (ADR 0018): every distinct dictionary word and
 * every distinct pair of adjacent Chinese characters is indexed once per article, with the best place it
 * occurs in (title, summary, body) as its term frequency. A query word is then one posting list instead of a
 * disjunction over three fields, and its per-block maximum tells Lucene which blocks cannot hold a title match.
 */
public final class WordPlaces {

    public static final int BODY = 1;
    public static final int SUMMARY = 2;
    public static final int TITLE = 3;

    /** Frequencies only: positions would be meaningless, and phrase queries use the positional fields. */
    public static final FieldType TYPE = type();

    private final Map<String, Integer> places = new HashMap<>();

    private static FieldType type() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setOmitNorms(true);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.freeze();
        return type;
    }

    /** Records the dictionary words of {@code text} (as the analyzer finds them) at {@code place}. */
    public WordPlaces words(Analyzer dictionaryWords, String field, String text, int place) {
        try (TokenStream stream = dictionaryWords.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                places.merge(term.toString(), place, Math::max);
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * Records every pair of adjacent Han characters of {@code text} at {@code place}, folded as the bigram
     * analysis folds them, so a two-character query word finds exactly the texts its bigram term finds.
     */
    public WordPlaces bigrams(String text, int place) {
        char previous = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = TextNormaliser.fold(text.charAt(i));
            if (Han.is(c) && Han.is(previous)) {
                places.merge(new String(new char[] {previous, c}), place, Math::max);
            }
            previous = c;
        }
        return this;
    }

    /** The recorded words, each once, with its best place as frequency. */
    public TokenStream stream() {
        return new TokenStream() {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
            private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);
            private Iterator<Map.Entry<String, Integer>> entries;

            @Override
            public void reset() throws IOException {
                super.reset();
                entries = places.entrySet().iterator();
            }

            @Override
            public boolean incrementToken() {
                if (!entries.hasNext()) {
                    return false;
                }
                clearAttributes();
                Map.Entry<String, Integer> entry = entries.next();
                term.setEmpty().append(entry.getKey());
                frequency.setTermFrequency(entry.getValue());
                return true;
            }
        };
    }
}
