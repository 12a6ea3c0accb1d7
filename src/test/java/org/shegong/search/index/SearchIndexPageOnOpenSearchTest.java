package org.shegong.search.index;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link SearchIndexPageTest} with the index on the test OpenSearch node (ADR 0057): rebuild, progress, state. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:searchindexpage-opensearch;DB_CLOSE_DELAY=-1",
        "shegong.search.backend=opensearch"})
class SearchIndexPageOnOpenSearchTest extends SearchIndexPageTest {

    @DynamicPropertySource
    static void node(DynamicPropertyRegistry registry) {
        OpenSearchNode.register(registry, "indexpage");
    }
}
