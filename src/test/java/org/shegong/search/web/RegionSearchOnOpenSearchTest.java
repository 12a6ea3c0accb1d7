package org.shegong.search.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.shegong.search.index.OpenSearchNode;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link RegionSearchTest} with the search on the test OpenSearch node (ADR 0057). */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:regionsearch-opensearch;DB_CLOSE_DELAY=-1",
        "shegong.search.backend=opensearch",
        "shegong.search.load.max-concurrent=2", "shegong.search.load.crowded-region-limit=1"})
class RegionSearchOnOpenSearchTest extends RegionSearchTest {

    @DynamicPropertySource
    static void node(DynamicPropertyRegistry registry) {
        OpenSearchNode.register(registry, "regions");
    }

    /** The cluster counts up to 20,000 matches per shard whatever the gate does here (ADR 0057, 0091). */
    @Override
    @Test
    void whileEveryCoreIsTakenTheCountsAreOfTheNewestMatchesAndThePageSaysSo() throws Exception {
        assertThat(facetsWhileAnotherSearchHoldsAPlace("社会工作")).contains("按地区")
                .doesNotContain("统计最新的部分结果")
                .containsPattern("</a> <span class=\"count\">([2-9]|[1-9][0-9]+)</span>");
    }
}
