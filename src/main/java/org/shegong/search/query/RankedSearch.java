package org.shegong.search.query;

import org.shegong.search.index.ArticleDocuments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;

/**
 * Relevance search in two stages (ADR 0018). Stage one finds the best {@code n} matches with ties broken
 * newest first: segments are sorted newest first and searched from the newest, and as soon as the best so far
 * cannot be beaten by the rest of a segment Lucene skips or stops (see {@link Best}). Stage two adds the rescoring query's score (whole-phrase and
 * recency bonuses) to the first {@link #WINDOW} candidates and orders them again. Work is bounded by the
 * candidates needed, not by the number of hits, which is what keeps common words fast at a million articles.
 */
final class RankedSearch {

    /** Candidates that the second stage re-orders: the first five pages. Deeper results keep stage-one order. */
    static final int WINDOW = 100;
    /** Segment groups searched at once: a query may use every core of a small server (the target machine has 2). */
    static final int PARALLELISM = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private RankedSearch() {
    }

    /**
     * The best {@code n} hits (or fewer); total hits are counted exactly up to {@code countLimit}, then
     * reported as a lower bound.
     */
    static TopDocs top(IndexSearcher searcher, Query query, Query rescoring, int n, int countLimit, Executor helpers)
            throws IOException {
        return top(searcher, query, rescoring, n, countLimit, Long.MAX_VALUE, helpers);
    }

    /**
     * The best {@code n} among the first {@code scanLimit} matches in index order (newest first), which bounds the
     * work of a query whose scores take too many values to stop early: the partial matches (ADR 0053). Without
     * rescoring only {@code n} candidates are kept, so the lowest competitive score rises sooner.
     */
    static TopDocs topAmongNewest(IndexSearcher searcher, Query query, int n, long scanLimit, Executor helpers)
            throws IOException {
        return top(searcher, query, null, n, n, scanLimit, helpers);
    }

    /**
     * As {@link #top(IndexSearcher, Query, Query, int, int, Executor)}, but the best among the first
     * {@code scanLimit} matches scored in index order (newest first): a bound on the few queries whose words are
     * in most of the index and rarely in a title together, which would otherwise score nearly every article
     * (ADR 0054).
     */
    static TopDocs top(IndexSearcher searcher, Query query, Query rescoring, int n, int countLimit,
                       long scanLimit, Executor helpers) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.TOP_SCORES, 1f);
        List<Segment> leaves = new ArrayList<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            leaves.add(new Segment(leaf, newestIn(leaf)));
        }
        leaves.sort(Comparator.comparingLong(Segment::newest).reversed());
        int wanted = rescoring == null ? n : Math.max(n, WINDOW);
        List<Best> bests = searchInParallel(weight, leaves, wanted, countLimit, scanLimit, helpers);
        List<Candidate> merged = new ArrayList<>();
        long total = 0;
        boolean skipped = false;
        for (Best best : bests) {
            merged.addAll(best.heap);
            total += best.total;
            skipped |= best.skipped;
        }
        merged.sort(Candidate.ORDER);
        List<Candidate> ranked = merged.subList(0, Math.min(wanted, merged.size()));
        if (rescoring != null) {
            rescore(searcher, rescoring, ranked.subList(0, Math.min(WINDOW, ranked.size())));
        }
        ScoreDoc[] docs = ranked.stream().limit(n).map(c -> new ScoreDoc(c.doc, c.score)).toArray(ScoreDoc[]::new);
        return new TopDocs(new TotalHits(total, skipped ? TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO
                : TotalHits.Relation.EQUAL_TO), docs);
    }

    /**
     * Splits the segments (newest first) into {@link #PARALLELISM} groups dealt round-robin, so each group
     * also starts with new articles; each group keeps its own best, which holds every candidate the group can
     * contribute. The caller searches the first group and then any group no helper has started yet, so a busy
     * pool never makes a search wait.
     */
    private static List<Best> searchInParallel(Weight weight, List<Segment> leaves, int wanted,
                                               int countLimit, long scanLimit, Executor helpers) throws IOException {
        int groups = helpers == null ? 1 : Math.max(1, Math.min(PARALLELISM, leaves.size()));
        List<Best> bests = new ArrayList<>();
        List<FutureTask<Void>> tasks = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            List<Segment> group = new ArrayList<>();
            for (int i = g; i < leaves.size(); i += groups) {
                group.add(leaves.get(i));
            }
            Best best = new Best(wanted, Math.max(1, countLimit / groups), Math.max(1, scanLimit / groups));
            bests.add(best);
            tasks.add(new FutureTask<>(() -> {
                search(weight, group, best);
                return null;
            }));
        }
        for (int g = 1; g < groups; g++) {
            helpers.execute(tasks.get(g));
        }
        for (FutureTask<Void> task : tasks) {
            task.run(); // does nothing when a helper has started or finished it
        }
        for (FutureTask<Void> task : tasks) {
            try {
                task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IOException(e.getCause());
            }
        }
        return bests;
    }

    private static void search(Weight weight, List<Segment> segments, Best best) throws IOException {
        for (Segment segment : segments) {
            if (best.scanned()) {
                return;
            }
            BulkScorer scorer = weight.bulkScorer(segment.leaf());
            if (scorer != null) {
                try {
                    scorer.score(best.collectorFor(segment), segment.leaf().reader().getLiveDocs());
                } catch (CollectionTerminatedException e) {
                    // nothing in the rest of the segment can enter the best
                }
            }
        }
    }

    /** The newest date in a segment: its first document's, since segments are sorted newest first. */
    private static long newestIn(LeafReaderContext leaf) {
        try {
            return leaf.reader().maxDoc() == 0 ? Long.MIN_VALUE
                    : publishedOf(leaf.reader().getNumericDocValues(ArticleDocuments.PUBLISHED), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The best candidates so far, in a heap whose head is the weakest. Once it is full (and enough hits are
     * counted) it tells the scorer the lowest score still worth computing: the weakest score itself while the
     * segment may hold newer articles (a tie goes to the newer one), just above it once the segment has reached
     * articles no newer than the weakest, which lets Lucene skip, or stop, everything below.
     */
    private static final class Best {

        private final int size;
        private final int countLimit;
        private final long scanLimit;
        private final PriorityQueue<Candidate> heap;
        private long total;
        private boolean skipped;

        Best(int size, int countLimit, long scanLimit) {
            this.size = size;
            this.countLimit = countLimit;
            this.scanLimit = scanLimit;
            this.heap = new PriorityQueue<>(size + 1, Candidate.ORDER.reversed());
        }

        /** Whether this group has scored as many matches as it may. */
        boolean scanned() {
            return total >= scanLimit;
        }

        LeafCollector collectorFor(Segment segment) throws IOException {
            LeafReaderContext leaf = segment.leaf();
            NumericDocValues published = leaf.reader().getNumericDocValues(ArticleDocuments.PUBLISHED);
            return new LeafCollector() {
                private Scorable scorer;
                private long newestLeft = segment.newest();

                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    this.scorer = scorer;
                    raiseMinimum();
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (scanned()) {
                        skipped = true;
                        throw new CollectionTerminatedException(); // and search() leaves the group's other segments
                    }
                    total++;
                    float score = scorer.score();
                    if (heap.size() == size && score < heap.peek().score) {
                        return; // the common case once the best are in: no date read, no comparison
                    }
                    Candidate candidate = new Candidate(leaf.docBase + doc, score, publishedOf(published, doc));
                    newestLeft = candidate.published;
                    if (heap.size() < size) {
                        heap.add(candidate);
                    } else if (Candidate.ORDER.compare(candidate, heap.peek()) < 0) {
                        heap.poll();
                        heap.add(candidate);
                    }
                    raiseMinimum();
                }

                private void raiseMinimum() throws IOException {
                    if (heap.size() < size || total < countLimit) {
                        return;
                    }
                    Candidate weakest = heap.peek();
                    scorer.setMinCompetitiveScore(newestLeft < weakest.published ? Math.nextUp(weakest.score)
                            : weakest.score);
                    skipped = true;
                }
            };
        }
    }

    /** Adds the rescoring query's score to these candidates (in place) and sorts them again. */
    private static void rescore(IndexSearcher searcher, Query rescoring, List<Candidate> window) throws IOException {
        if (window.isEmpty()) {
            return;
        }
        Weight weight = searcher.createWeight(searcher.rewrite(rescoring), ScoreMode.COMPLETE, 1f);
        Candidate[] byDoc = window.toArray(Candidate[]::new);
        Arrays.sort(byDoc, Comparator.comparingInt(Candidate::doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int leafIndex = -1;
        Scorer scorer = null;
        LeafReaderContext leaf = null;
        for (Candidate candidate : byDoc) {
            int index = ReaderUtil.subIndex(candidate.doc, leaves);
            if (index != leafIndex) {
                leafIndex = index;
                leaf = leaves.get(index);
                scorer = weight.scorer(leaf);
            }
            if (scorer == null) {
                continue;
            }
            int target = candidate.doc - leaf.docBase;
            int at = scorer.docID() < target ? scorer.iterator().advance(target) : scorer.docID();
            if (at == target) {
                candidate.score += scorer.score();
            }
        }
        window.sort(Candidate.ORDER);
    }

    private static long publishedOf(NumericDocValues values, int doc) throws IOException {
        return values != null && values.advanceExact(doc) ? values.longValue() : Long.MIN_VALUE;
    }

    /** A segment and the date of its newest article. */
    private record Segment(LeafReaderContext leaf, long newest) {
    }

    /** A hit on its way through the two stages; its score grows in stage two. */
    private static final class Candidate {

        static final Comparator<Candidate> ORDER = Comparator.comparingDouble((Candidate c) -> -c.score)
                .thenComparing(Comparator.comparingLong((Candidate c) -> c.published).reversed())
                .thenComparingInt(Candidate::doc);

        private final int doc;
        private final long published;
        private float score;

        Candidate(int doc, float score, long published) {
            this.doc = doc;
            this.score = score;
            this.published = published;
        }

        int doc() {
            return doc;
        }
    }
}
