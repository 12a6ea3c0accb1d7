package org.shegong.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shegong.search.analysis.Lexicon;
import org.shegong.search.SearchQuery;

/**
 * The readers' filter kept as a bit set per segment (ADR 0076) finds what the posting list finds: public documents
 * only, never a working copy beside them in the same segment, never a deleted one, and a new segment's own.
 */
class ReadersFilterCacheTest {

    private static final Query READERS = EditorDocuments.visibleTo(SearchQuery.simple(""));
    private static final Query EDITORS = EditorDocuments.visibleTo(SearchQuery.editors("", null, null, null, SearchQuery.Sort.RELEVANCE, 1));

    private final Directory directory = new ByteBuffersDirectory();
    private IndexWriter writer;
    private DirectoryReader reader;
    private final ReadersFilterCache filters = new ReadersFilterCache();

    @BeforeEach
    void setUp() throws IOException {
        writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()));
    }

    @AfterEach
    void tearDown() throws IOException {
        if (reader != null) {
            reader.close();
        }
        writer.close();
        directory.close();
    }

    @Test
    void readersFindPublicDocumentsOnlyThroughTheKeptSet() throws IOException {
        // One segment in which a word is rare and the filter matches nearly everything: Lucene's own cache would
        // not build the filter's set for a lead this much cheaper.
        for (int i = 0; i < 300; i++) {
            writer.addDocument(publicDocument("p" + i, i % 100 == 0 ? "社工 督导" : "社工"));
        }
        writer.addDocument(workingDocument("w1", "社工 督导"));
        writer.addDocument(workingDocument("w2", "督导"));
        writer.commit();

        assertThat(readersFind("督导")).containsExactlyInAnyOrder("p0", "p100", "p200");
        assertThat(filters.kept()).isEqualTo(1);
        assertThat(readersFind("社工")).hasSize(300).doesNotContain("w1");
        assertThat(filters.kept()).isEqualTo(1);
    }

    @Test
    void aDeletedDocumentAndANewSegmentAreSeenAsThePostingsSeeThem() throws IOException {
        for (int i = 0; i < 50; i++) {
            writer.addDocument(publicDocument("p" + i, "督导"));
        }
        writer.commit();
        assertThat(readersFind("督导")).hasSize(50);

        writer.deleteDocuments(new Term(EditorDocuments.KEY, "p7"));
        writer.addDocument(publicDocument("p50", "督导"));
        writer.addDocument(workingDocument("w1", "督导"));
        writer.commit();

        assertThat(readersFind("督导")).hasSize(50).contains("p50").doesNotContain("p7", "w1");
        // The new segment has a set of its own; the old one's is used again (the deletion is not in it).
        assertThat(filters.kept()).isEqualTo(2);
    }

    @Test
    void editorsFiltersAreNotKeptAsTheReadersOneIs() throws IOException {
        writer.addDocument(publicDocument("p1", "督导"));
        writer.addDocument(workingDocument("w1", "督导"));
        writer.commit();

        assertThat(find("督导", EDITORS)).containsExactlyInAnyOrder("p1", "w1");
        assertThat(filters.kept()).isZero();
    }

    @Test
    void itsStatsCountTheSetsBuiltAndTheLookupsThatFoundOne() throws IOException {
        for (int i = 0; i < 40; i++) {
            writer.addDocument(publicDocument("p" + i, "督导"));
            if (i % 20 == 19) {
                // Two segments, each with a working copy: a filter matching a whole segment is counted unread.
                writer.addDocument(workingDocument("w" + i, "督导"));
                writer.commit();
            }
        }
        writer.commit();
        assertThat(readersFind("督导")).hasSize(40);
        assertThat(filters.stats().built()).as("the readers' filter, once per segment").isEqualTo(2);
        assertThat(filters.stats().hits()).isZero();
        assertThat(readersFind("督导")).hasSize(40);
        assertThat(filters.stats().built()).isEqualTo(2);
        assertThat(filters.stats().hits()).isEqualTo(2);
        assertThat(filters.stats().kept()).isEqualTo(2);
        assertThat(filters.stats().bytes()).isPositive();
        assertThat(filters.stats().evicted()).isZero();
    }

    private Set<String> readersFind(String word) throws IOException {
        return find(word, READERS);
    }

    @Test
    void theIndexsSearchersKeepTheReadersFilter(@TempDir Path dir) throws IOException {
        try (SearchIndex index = new SearchIndex(dir, Lexicon.load(null))) {
            IndexSearcher searcher = index.acquire();
            try {
                assertThat(searcher.getQueryCachingPolicy().shouldCache(READERS)).isTrue();
                assertThat(searcher.getQueryCachingPolicy().shouldCache(EDITORS)).isFalse();
            } finally {
                index.release(searcher);
            }
        }
    }

    /** On a reader of the last commit, opened again only if something changed: unchanged segments stay as they were. */
    private Set<String> find(String word, Query filter) throws IOException {
        DirectoryReader newer = reader == null ? DirectoryReader.open(directory) : DirectoryReader.openIfChanged(reader);
        if (newer != null) {
            if (reader != null) {
                reader.close();
            }
            reader = newer;
        }
        IndexSearcher searcher = new IndexSearcher(reader);
        filters.install(searcher);
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(ArticleDocuments.PLACE_WORDS, word)), Occur.MUST)
                .add(filter, Occur.FILTER)
                .build();
        StoredFields stored = searcher.storedFields();
        Set<String> keys = new HashSet<>();
        for (ScoreDoc hit : searcher.search(query, 1_000).scoreDocs) {
            keys.add(stored.document(hit.doc).get(EditorDocuments.KEY));
        }
        return keys;
    }

    private static Document publicDocument(String key, String words) {
        Document doc = document(key, words);
        doc.add(new StringField(ArticleDocuments.STATUS, "LIVE", Field.Store.NO));
        doc.add(new StringField(EditorDocuments.STAGE, EditorDocuments.ANY, Field.Store.NO));
        return doc;
    }

    /** As {@link EditorDocuments#working}: no status, found by editors only. */
    private static Document workingDocument(String key, String words) {
        Document doc = document(key, words);
        doc.add(new StringField(EditorDocuments.STAGE, EditorDocuments.ANY, Field.Store.NO));
        return doc;
    }

    private static Document document(String key, String words) {
        Document doc = new Document();
        doc.add(new StringField(EditorDocuments.KEY, key, Field.Store.YES));
        for (String word : words.split(" ")) {
            doc.add(new StringField(ArticleDocuments.PLACE_WORDS, word, Field.Store.NO));
        }
        return doc;
    }
}
