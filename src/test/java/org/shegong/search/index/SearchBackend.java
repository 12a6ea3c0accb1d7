package org.shegong.search.index;

import java.nio.file.Path;
import java.time.Clock;
import org.shegong.search.SearchEngine;
import org.shegong.search.SearchProperties;
import org.shegong.search.analysis.Lexicon;
import org.shegong.search.query.LuceneSearchEngine;
import org.shegong.search.query.OpenSearchEngine;

/**
 * The two search backends (ADR 0057), for tests that run against both: the embedded Lucene index in a directory,
 * and an index of its own on the test JVM's OpenSearch node ({@link OpenSearchNode}).
 */
public enum SearchBackend {

    LUCENE {
        @Override
        public IndexStore open(Path dir, Lexicon lexicon, String name) {
            return new SearchIndex(dir, lexicon);
        }

        @Override
        public SearchEngine engine(IndexStore index, IndexRebuilder rebuilder, SearchProperties properties,
                                   Clock clock) {
            return new LuceneSearchEngine((SearchIndex) index, rebuilder, properties, clock);
        }
    },

    OPENSEARCH {
        @Override
        public IndexStore open(Path dir, Lexicon lexicon, String name) {
            return new OpenSearchIndex(OpenSearchNode.client(), name, 1, 0, lexicon);
        }

        @Override
        public SearchEngine engine(IndexStore index, IndexRebuilder rebuilder, SearchProperties properties,
                                   Clock clock) {
            return new OpenSearchEngine((OpenSearchIndex) index, rebuilder, properties, clock);
        }
    };

    /**
     * Opens the index in {@code dir} (Lucene) or the index {@code name} on the node (OpenSearch; see
     * {@link #name}), creating it when there is none.
     */
    public abstract IndexStore open(Path dir, Lexicon lexicon, String name);

    /** A name no other index on the node has, for one test's index (opened again under the same name). */
    public static String name(String label) {
        return OpenSearchNode.indexName(label);
    }

    public abstract SearchEngine engine(IndexStore index, IndexRebuilder rebuilder, SearchProperties properties,
                                        Clock clock);
}
