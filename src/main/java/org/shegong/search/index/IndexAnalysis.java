package org.shegong.search.index;

import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.shegong.content.Article;
import org.shegong.search.WorkingCopy;
import org.shegong.search.analysis.Lexicon;
import org.shegong.search.analysis.Pinyin;
import org.shegong.search.analysis.SearchAnalyzers;
import org.shegong.search.analysis.TextNormaliser;

/**
 * The analysis both backends index with (ADR 0057): the current lexicon, the three analyzers over it, and the
 * documents an article and a working copy become, with their region codes. The OpenSearch backend sends the
 * tokens these analyzers produce, so both backends hold the same terms.
 */
final class IndexAnalysis {

    private final Analyzer wordAnalyzer;
    private final Analyzer bigramAnalyzer;
    private final Analyzer dictionaryAnalyzer;
    private volatile Lexicon lexicon;
    private volatile Function<Long, IndexedRegions.Codes> regions;

    IndexAnalysis(Lexicon lexicon) {
        this.lexicon = lexicon;
        // The fold table is built from ICU once (seconds on a busy machine), and pinyin4j reads its table: when the
        // index opens at start, not when the first published article or the first reader waits.
        TextNormaliser.fold(' ');
        Pinyin.readings('社');
        Supplier<Lexicon> current = () -> this.lexicon;
        this.wordAnalyzer = SearchAnalyzers.words(current);
        this.bigramAnalyzer = SearchAnalyzers.bigrams();
        this.dictionaryAnalyzer = SearchAnalyzers.dictionaryWords(current);
    }

    Lexicon lexicon() {
        return lexicon;
    }

    void useLexicon(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    void useRegions(Function<Long, IndexedRegions.Codes> regions) {
        this.regions = regions;
    }

    Analyzer wordAnalyzer() {
        return wordAnalyzer;
    }

    Analyzer bigramAnalyzer() {
        return bigramAnalyzer;
    }

    /** Per field: words for titles and summaries, dictionary words for bodies, bigrams for the bigram fields. */
    Analyzer perField() {
        return ArticleDocuments.perField(wordAnalyzer, dictionaryAnalyzer, bigramAnalyzer);
    }

    Document published(Article article, long generation, boolean editorsFindIt) {
        return withRegions(article.id(), EditorDocuments.published(article, generation, editorsFindIt,
                dictionaryAnalyzer));
    }

    Document working(WorkingCopy copy, long generation) {
        return withRegions(copy.article().id(), EditorDocuments.working(copy, generation, dictionaryAnalyzer));
    }

    /** The region codes an article's documents get now, or null when documents get none (see useRegions). */
    IndexedRegions.Codes regionsOf(long articleId) {
        Function<Long, IndexedRegions.Codes> source = regions;
        return source == null ? null : source.apply(articleId);
    }

    private Document withRegions(long articleId, Document doc) {
        Function<Long, IndexedRegions.Codes> source = regions;
        if (source != null) {
            ArticleDocuments.addRegions(doc, source.apply(articleId));
        }
        return doc;
    }
}
