package org.shegong.search.web;

import org.shegong.search.index.OpenSearchNode;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link SearchPipelineTest} with the search on the test OpenSearch node (ADR 0057). */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:search-opensearch;DB_CLOSE_DELAY=-1",
        "shegong.search.backend=opensearch"})
class SearchPipelineOnOpenSearchTest extends SearchPipelineTest {

    @DynamicPropertySource
    static void node(DynamicPropertyRegistry registry) {
        OpenSearchNode.register(registry, "pipeline");
    }
}
