package org.shegong.search.analysis;

import java.io.Reader;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The two analyses of every text field: words (smartcn + sector dictionary) for precise, well-ranked matches,
 * and overlapping CJK bigrams so a word neither smartcn nor the dictionary knows can still be found as a phrase.
 * Both fold traditional characters and full-width forms first, so queries and texts meet in one spelling.
 */
public final class SearchAnalyzers {

    private SearchAnalyzers() {
    }

    public static Analyzer words(Supplier<Lexicon> lexicon) {
        return words(lexicon, true);
    }

    /**
     * Only the dictionary's words, for bodies: smartcn's HMM costs about 90% of indexing time on long texts,
     * and a body's other words are found through its bigram field as phrases.
     */
    public static Analyzer dictionaryWords(Supplier<Lexicon> lexicon) {
        return words(lexicon, false);
    }

    private static Analyzer words(Supplier<Lexicon> lexicon, boolean segmentRest) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new SectorTokenizer(lexicon, segmentRest);
                return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return fold(reader);
            }
        };
    }

    public static Analyzer bigrams() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new CJKBigramFilter(new LowerCaseFilter(tokenizer));
                return new TokenStreamComponents(tokenizer, stream);
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return fold(reader);
            }
        };
    }

    private static Reader fold(Reader reader) {
        return new CJKWidthCharFilter(new MappingCharFilter(TextNormaliser.traditionalToSimplified(), reader));
    }
}
