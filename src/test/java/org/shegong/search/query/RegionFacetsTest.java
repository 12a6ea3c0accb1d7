package org.shegong.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.shegong.search.SearchEngine;
import org.shegong.search.index.ArticleDocuments;

/**
 * The 地区 facet counted from the kept province masks gives what the doc values say, whatever the segments, the
 * deletions and the number of provinces per document; and a segment's masks go when it is merged away.
 */
class RegionFacetsTest {

    private static final List<String> PROVINCES = List.of("110000", "320000", "440000", "510000", "650000");
    /** More provinces than one 64-bit mask word holds: the counts must not depend on which word a province is in. */
    private static final List<String> MANY_PROVINCES = java.util.stream.IntStream.range(0, 150)
            .mapToObj(i -> String.format("p%03d", i)).toList();

    /** One article: whether it holds the searched word, its provinces, whether it is deleted later. */
    record Doc(boolean word, Set<String> provinces, boolean deleted) {
    }

    @Property(tries = 60)
    void countsAreWhatTheDocValuesSay(@ForAll("segments") List<List<Doc>> segments) throws IOException {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer())
                     .setMergePolicy(NoMergePolicy.INSTANCE))) {
            Map<String, Long> expected = new HashMap<>();
            int id = 0;
            for (List<Doc> segment : segments) {
                for (Doc doc : segment) {
                    writer.addDocument(document("d" + id++, doc));
                    if (doc.word() && !doc.deleted()) {
                        doc.provinces().forEach(p -> expected.merge(p, 1L, Long::sum));
                    }
                }
                writer.commit();
            }
            id = 0;
            for (List<Doc> segment : segments) {
                for (Doc doc : segment) {
                    if (doc.deleted()) {
                        writer.deleteDocuments(new Term("id", "d" + id));
                    }
                    id++;
                }
            }
            writer.commit();
            RegionFacets facets = new RegionFacets();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                SearchEngine.RegionCounts first = facets.count(searcher, new TermQuery(new Term("w", "社工站")));
                SearchEngine.RegionCounts again = facets.count(searcher, new TermQuery(new Term("w", "社工站")));
                assertThat(first.byProvince()).isEqualTo(expected);
                assertThat(first.capped()).isFalse();
                assertThat(again).isEqualTo(first);
            }
        }
    }

    @Example
    void aVeryCommonWordIsCountedOverItsNewestLimitMatches() throws IOException {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
            for (int i = 0; i < RegionFacets.LIMIT + 500; i++) {
                writer.addDocument(document("d" + i, new Doc(true, Set.of(PROVINCES.get(i % 2)), false)));
            }
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                SearchEngine.RegionCounts counts = new RegionFacets().count(new IndexSearcher(reader),
                        new TermQuery(new Term("w", "社工站")));
                assertThat(counts.capped()).isTrue();
                assertThat(counts.byProvince()).isEqualTo(Map.of(PROVINCES.get(0), (long) RegionFacets.LIMIT / 2,
                        PROVINCES.get(1), (long) RegionFacets.LIMIT / 2));
            }
        }
    }

    /**
     * The counts are kept a byte per province between drains (ADR 0078): p149 is in every match, so its byte reaches
     * the most it holds, several times over, and the matches' other provinces span all three mask words.
     */
    @Example
    void countsPastWhatAByteHoldsAreExact() throws IOException {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
            Map<String, Long> expected = new HashMap<>();
            for (int i = 0; i < 3 * 255 + 7; i++) {
                Set<String> provinces = new java.util.HashSet<>(List.of(MANY_PROVINCES.get(149),
                        MANY_PROVINCES.get(i % 150), MANY_PROVINCES.get(i * 7 % 150)));
                if (i % 2 == 0) {
                    provinces.add(MANY_PROVINCES.get(0));
                }
                boolean word = i % 5 != 0;
                writer.addDocument(document("d" + i, new Doc(word, provinces, false)));
                if (word) {
                    provinces.forEach(p -> expected.merge(p, 1L, Long::sum));
                }
            }
            writer.forceMerge(1);
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                SearchEngine.RegionCounts counts = new RegionFacets().count(new IndexSearcher(reader),
                        new TermQuery(new Term("w", "社工站")));
                assertThat(expected.get(MANY_PROVINCES.get(149))).isEqualTo(617L);
                assertThat(counts.byProvince()).isEqualTo(expected);
            }
        }
    }

    @Example
    void aSegmentWithoutProvincesCountsNothingAndKeepsNoMasks() throws IOException {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
            for (int i = 0; i < 100; i++) {
                writer.addDocument(document("d" + i, new Doc(true, Set.of(), false)));
            }
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                RegionFacets facets = new RegionFacets();
                SearchEngine.RegionCounts counts = facets.count(new IndexSearcher(reader),
                        new TermQuery(new Term("w", "社工站")));
                assertThat(counts.byProvince()).isEmpty();
                assertThat(facets.provinces().kept()).isEqualTo(1);
                assertThat(facets.provinces().keptBytes()).isZero();
            }
        }
    }

    @Example
    void aSegmentMergedAwayIsNoLongerKept() throws IOException {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
            RegionFacets facets = new RegionFacets();
            for (int i = 0; i < 3; i++) {
                writer.addDocument(document("d" + i, new Doc(true, Set.of(PROVINCES.get(i)), false)));
                writer.commit();
            }
            DirectoryReader before = DirectoryReader.open(dir);
            facets.count(new IndexSearcher(before), new TermQuery(new Term("w", "社工站")));
            assertThat(facets.provinces().kept()).isEqualTo(before.leaves().size()).isEqualTo(3);

            writer.forceMerge(1);
            writer.commit();
            DirectoryReader after = DirectoryReader.openIfChanged(before);
            before.close();
            SearchEngine.RegionCounts counts = facets.count(new IndexSearcher(after),
                    new TermQuery(new Term("w", "社工站")));
            assertThat(facets.provinces().kept()).isEqualTo(1);
            assertThat(counts.byProvince()).containsOnlyKeys(PROVINCES.subList(0, 3).toArray(String[]::new));
            after.close();
            assertThat(facets.provinces().kept()).isZero();
        }
    }

    private static Document document(String id, Doc doc) {
        Document document = new Document();
        document.add(new StringField("id", id, Field.Store.NO));
        document.add(new StringField("w", doc.word() ? "社工站" : "养老", Field.Store.NO));
        for (String province : doc.provinces()) {
            document.add(new SortedSetDocValuesField(ArticleDocuments.REGION_PROVINCE, new BytesRef(province)));
        }
        return document;
    }

    @Provide
    Arbitrary<List<List<Doc>>> segments() {
        return Arbitraries.of(PROVINCES, MANY_PROVINCES).flatMap(pool -> {
            Arbitrary<Doc> doc = Combinators.combine(Arbitraries.of(true, true, false),
                    Arbitraries.of(pool).set().ofMaxSize(pool.size() == PROVINCES.size() ? 3 : 12),
                    Arbitraries.of(false, false, false, true)).as(Doc::new);
            return doc.list().ofMinSize(1).ofMaxSize(60).list().ofMinSize(1).ofMaxSize(5);
        });
    }
}
