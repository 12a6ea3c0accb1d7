package org.shegong.search.query;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.ArrayUtil;
import org.shegong.search.index.ArticleDocuments;

/**
 * Each segment's provinces as an array indexed by document, read once from the province doc values and kept for as
 * long as the segment lives. The 地区 facet looks up every match (up to 20,000 per search): through the doc values
 * that is a block lookup and an address decode per match, about half of the facet's CPU; through the array it is one
 * load. Segments never change (provinces are not updated in place, a re-tagged article is indexed again), so a
 * segment's array stays right until the segment is merged away, when its close listener drops it. Four bytes per
 * document, and one int more per province of those with several: about 5 MB at a million articles.
 */
final class ProvinceOrdinals {

    /** In {@link Segment#first}: the document has no province. */
    private static final int NONE = 0;

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

    private static Segment read(LeafReader reader) throws IOException {
        SortedSetDocValues values = DocValues.getSortedSet(reader, ArticleDocuments.REGION_PROVINCE);
        String[] names = new String[Math.toIntExact(values.getValueCount())];
        for (int ord = 0; ord < names.length; ord++) {
            names[ord] = values.lookupOrd(ord).utf8ToString();
        }
        int[] first = new int[reader.maxDoc()];
        int[] several = new int[0];
        int used = 0;
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            int n = values.docValueCount();
            if (n == 1) {
                first[doc] = (int) values.nextOrd() + 1;
            } else {
                first[doc] = -(used + 1);
                several = ArrayUtil.grow(several, used + 1 + n);
                several[used++] = n;
                for (int i = 0; i < n; i++) {
                    several[used++] = (int) values.nextOrd();
                }
            }
        }
        return new Segment(names, first, ArrayUtil.copyOfSubArray(several, 0, used));
    }

    /**
     * One segment's provinces.
     *
     * @param names   the province codes by ordinal
     * @param first   per document: {@link #NONE}; its one province's ordinal plus one; or, when it has several, minus
     *                one minus where they start in {@code several}
     * @param several for each document with several provinces: how many, then their ordinals
     */
    record Segment(String[] names, int[] first, int[] several) {

        /** Adds the document's provinces to the counts by ordinal. */
        void count(int doc, int[] perOrd) {
            int ord = first[doc];
            if (ord > NONE) {
                perOrd[ord - 1]++;
            } else if (ord < NONE) {
                int at = -ord - 1;
                int end = at + 1 + several[at];
                for (int i = at + 1; i < end; i++) {
                    perOrd[several[i]]++;
                }
            }
        }
    }
}
