package org.shegong.search.index;

import org.shegong.search.analysis.LexiconSource;

import java.nio.file.Path;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The index behind the site's search: the embedded Lucene index in the data directory (the default) or an index on
 * an OpenSearch cluster, by {@code shegong.search.backend} (ADR 0057). The engine beside it follows the same
 * property ({@code LuceneSearchEngine}, {@code OpenSearchEngine}).
 */
@Configuration(proxyBeanMethods = false)
class SearchConfig {

    private static final Set<String> BACKENDS = Set.of("lucene", "opensearch");

    SearchConfig(@Value("${shegong.search.backend:lucene}") String backend) {
        if (!BACKENDS.contains(backend)) {
            throw new IllegalStateException("shegong.search.backend 须为 lucene 或 opensearch，现为 " + backend);
        }
    }

    /**
     * Opened on first use, not at start: command-line modes other than {@code reindex} must not take the
     * index's write lock away from a running server.
     */
    @Bean(destroyMethod = "close")
    @Lazy
    @ConditionalOnProperty(name = "shegong.search.backend", havingValue = "lucene", matchIfMissing = true)
    SearchIndex searchIndex(@Value("${shegong.data-dir:./data}") String dataDir, LexiconSource lexicons,
                            IndexedRegions regions) {
        SearchIndex index = new SearchIndex(Path.of(dataDir).resolve("index"), lexicons.load());
        index.useRegions(regions::of);
        return index;
    }

    /**
     * The index {@code <index>-s<schema>} on the cluster at {@code url}, created when missing; opened on first use
     * like the Lucene one. While the cluster is away, searches answer the site's 503 page.
     */
    @Bean(destroyMethod = "close")
    @Lazy
    @ConditionalOnProperty(name = "shegong.search.backend", havingValue = "opensearch")
    OpenSearchIndex openSearchIndex(@Value("${shegong.search.opensearch.url:http://127.0.0.1:9200}") String url,
                                    @Value("${shegong.search.opensearch.index:shegong-articles}") String name,
                                    @Value("${shegong.search.opensearch.shards:1}") int shards,
                                    @Value("${shegong.search.opensearch.replicas:1}") int replicas,
                                    @Value("${shegong.search.opensearch.username:}") String username,
                                    @Value("${shegong.search.opensearch.password:}") String password,
                                    LexiconSource lexicons, IndexedRegions regions) {
        OpenSearchIndex index = new OpenSearchIndex(new OpenSearchClient(url, username, password), name, shards, replicas,
                lexicons.load());
        index.useRegions(regions::of);
        return index;
    }
}
