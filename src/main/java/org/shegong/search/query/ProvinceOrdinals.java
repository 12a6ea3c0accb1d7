package org.shegong.search.query;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.shegong.search.index.ArticleDocuments;

/**
 * Each segment's provinces as a bit mask per document, read once from the province doc values and kept for as long as
 * the segment lives. The 地区 facet looks up every match (up to 20,000 per search), and an article names several
 * provinces (about six in the realistic benchmark corpus): a list of ordinals per document cost two scattered loads
 * and one increment per province; a mask is one load, and {@link Tally} adds it to bit-sliced counters, where a
 * carry rarely runs past the second plane (ADR 0077). One bit per province a segment holds, in 64-bit words: for
 * China's 34 provincial divisions one word, 8 MB at a million articles. Segments never change (a re-tagged article is
 * indexed again), so a segment's masks stay right until it is merged away, when its close listener drops them.
 */
final class ProvinceOrdinals {

    private final Map<IndexReader.CacheKey, Segment> segments = new ConcurrentHashMap<>();

    /** The segment's provinces, read now if not yet kept (never kept for a reader without a core cache key). */
    Segment of(LeafReader reader) throws IOException {
        IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
        if (helper == null) {
            return read(reader);
        }
        IndexReader.CacheKey key = helper.getKey();
        Segment kept = segments.get(key);
        if (kept != null) {
            return kept;
        }
        Segment read = read(reader);
        if (segments.putIfAbsent(key, read) == null) {
            helper.addClosedListener(segments::remove);
        }
        return read;
    }

    /** Segments kept now (tests). */
    int kept() {
        return segments.size();
    }

    /** The bytes of the masks kept now (benchmarks). */
    long keptBytes() {
        return segments.values().stream().mapToLong(segment -> 8L * segment.masks().length).sum();
    }

    private static Segment read(LeafReader reader) throws IOException {
        SortedSetDocValues values = DocValues.getSortedSet(reader, ArticleDocuments.REGION_PROVINCE);
        String[] names = new String[Math.toIntExact(values.getValueCount())];
        for (int ord = 0; ord < names.length; ord++) {
            names[ord] = values.lookupOrd(ord).utf8ToString();
        }
        int words = (names.length + 63) >>> 6; // none for a segment without provinces
        long[] masks = new long[Math.multiplyExact(reader.maxDoc(), words)];
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            for (int i = 0, n = values.docValueCount(); i < n; i++) {
                int ord = (int) values.nextOrd();
                masks[doc * words + (ord >>> 6)] |= 1L << ord; // a shift of a long takes its count modulo 64
            }
        }
        return new Segment(names, words, masks);
    }

    /**
     * One segment's provinces.
     *
     * @param names the province codes by ordinal
     * @param words 64-bit words per document
     * @param masks per document, {@code words} words: bit {@code ord % 64} of word {@code ord / 64} is set when the
     *              document names the province of that ordinal
     */
    record Segment(String[] names, int words, long[] masks) {

        /** A count of this segment's matches per province, empty. */
        Tally tally() {
            return new Tally(this);
        }
    }

    /**
     * Counts per province as bit-sliced counters: plane {@code i} of a word holds bit {@code i} of each of its 64
     * provinces' counts, so adding a document's mask is a ripple-carry addition over the planes, and the carry is
     * empty after two planes on average. 32 planes hold any count a segment can reach.
     */
    static final class Tally {

        private static final int PLANES = 32;

        private final Segment segment;
        private final long[] planes;

        private Tally(Segment segment) {
            this.segment = segment;
            this.planes = new long[segment.words() * PLANES];
        }

        /** Adds one matching document's provinces. */
        void add(int doc) {
            long[] masks = segment.masks();
            int words = segment.words();
            for (int w = 0; w < words; w++) {
                long carry = masks[doc * words + w];
                for (int plane = w * PLANES; carry != 0; plane++) {
                    long next = planes[plane] & carry;
                    planes[plane] ^= carry;
                    carry = next;
                }
            }
        }

        /** The count of the province of this ordinal. */
        long count(int ord) {
            int word = ord >>> 6;
            int bit = ord & 63;
            long count = 0;
            for (int plane = 0; plane < PLANES; plane++) {
                count |= ((planes[word * PLANES + plane] >>> bit) & 1L) << plane;
            }
            return count;
        }
    }
}
