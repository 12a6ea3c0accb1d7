package org.shegong.search.index;

import org.shegong.search.analysis.LexiconSource;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
class SearchConfig {

    /**
     * Opened on first use, not at start: command-line modes other than {@code reindex} must not take the
     * index's write lock away from a running server.
     */
    @Bean(destroyMethod = "close")
    @Lazy
    SearchIndex searchIndex(@Value("${shegong.data-dir:./data}") String dataDir, LexiconSource lexicons,
                            IndexedRegions regions) {
        SearchIndex index = new SearchIndex(Path.of(dataDir).resolve("index"), lexicons.load());
        index.useRegions(regions::of);
        return index;
    }
}
