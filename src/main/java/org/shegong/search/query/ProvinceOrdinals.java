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
 * and one increment per province; a mask is one load, and {@link Tally} adds it to byte-wide counters, eight
 * provinces in one addition (ADR 0077, 0078). One bit per province a segment holds, in 64-bit words: for China's 34
 * provincial divisions one word, 8 MB at a million articles. Segments never change (a re-tagged article is
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
     * Counts per province without a branch per match (ADR 0078): each byte of a match's mask indexes {@link #SPREAD},
     * whose entry holds the byte's eight bits one per byte, and adding it adds one to eight byte-wide counters at once.
     * Matches are counted in batches of at most {@link #LANE_LIMIT}, so no byte can overflow, and the counters are
     * emptied into the counts after each batch. The bit-sliced carries before this (ADR 0077) loaded each match's
     * mask between Lucene's steps and then took as many steps as the carry ran: 13 % of a search's CPU at a million
     * articles.
     */
    static final class Tally {

        /** Bit {@code i} of the index becomes byte {@code i}: 0b101 → 0x00_01_00_01. */
        private static final long[] SPREAD = spread();
        /** The most a byte-wide counter holds. */
        private static final int LANE_LIMIT = 255;

        private final long[] masks;
        private final int words;
        /** The mask bytes that hold a province: the values rounded up to whole bytes. */
        private final int bytes;
        /** Per mask byte, its eight provinces' matches in the batch being drained, one byte each. */
        private final long[] lanes;
        /** Matches not yet counted: never more than a byte-wide counter holds. */
        private final int[] waiting = new int[LANE_LIMIT];
        private final long[] counts;
        private int pending;

        private Tally(Segment segment) {
            this.masks = segment.masks();
            this.words = segment.words();
            this.bytes = (segment.names().length + 7) >>> 3;
            this.lanes = new long[bytes];
            this.counts = new long[bytes * 8];
        }

        /** Adds one matching document's provinces, counted once a batch is full or a count is read. */
        void add(int doc) {
            waiting[pending++] = doc;
            if (pending == LANE_LIMIT) {
                drain();
            }
        }

        /** The count of the province of this ordinal. */
        long count(int ord) {
            drain();
            return counts[ord];
        }

        /**
         * Adds the waiting matches to the byte-wide counters, then empties those into the counts. The matches wait in a
         * batch because their masks are scattered over a segment's: in a loop of loads that depend on nothing but the
         * batch, the processor has many of them on their way from memory at once.
         */
        private void drain() {
            if (pending == 0) {
                return;
            }
            for (int i = 0; i < pending; i++) {
                int base = waiting[i] * words;
                for (int w = 0, k = 0; w < words; w++) {
                    long mask = masks[base + w];
                    for (int end = Math.min(bytes, k + 8); k < end; k++, mask >>>= 8) {
                        lanes[k] += SPREAD[(int) mask & 0xFF];
                    }
                }
            }
            for (int k = 0; k < bytes; k++) {
                long lane = lanes[k];
                for (int i = 0; i < 8; i++) {
                    counts[k * 8 + i] += (lane >>> (i * 8)) & 0xFF;
                }
                lanes[k] = 0;
            }
            pending = 0;
        }

        private static long[] spread() {
            long[] spread = new long[256];
            for (int b = 0; b < 256; b++) {
                for (int i = 0; i < 8; i++) {
                    spread[b] |= (long) ((b >>> i) & 1) << (i * 8);
                }
            }
            return spread;
        }
    }
}
