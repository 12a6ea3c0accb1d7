package org.shegong.content.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shegong.system.Await.awaitWithin;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.shegong.search.SearchEngine;
import org.shegong.search.SearchQuery;
import org.shegong.system.outbox.OutboxRelay;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A bulk import inside the running application: its one event empties the page cache and the column anchors,
 * and has the search index rebuilt in the background. (Same settings as SearchPipelineTest: one context.)
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:search;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class BulkImportPipelineTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    BulkImporter importer;

    @Autowired
    OutboxRelay relay;

    @Autowired
    SearchEngine engine;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aBulkImportReachesTheCachedColumnPageAndTheSearchIndex() throws Exception {
        awaitWithin(30_000, () -> !engine.status().rebuilding());
        // The demo import's region tags are announced after it; one of them could empty the cache between the two
        // requests below (the same race PageCacheTest met on a faster machine).
        org.shegong.system.outbox.OutboxFollowed.await(jdbc, null);
        get("/column/news");
        get("/column/news"); // kept from its second request
        assertThat(get("/column/news").getHeader("X-Cache")).isEqualTo("HIT");
        assertThat(engine.search(SearchQuery.simple("雪松岭")).total()).isZero();

        String file = IntStream.rangeClosed(1, 3).mapToObj(i -> ("{\"id\":\"pipeline-bulk-%d\",\"column\":\"行业动态\","
                + "\"title\":\"雪松岭社工站第%d期\",\"body\":\"雪松岭街道社会工作服务站开展服务。\","
                + "\"published_at\":\"2030-01-0%dT10:00:00+08:00\"}").formatted(i, i, i)).collect(Collectors.joining("\n"));
        ImportReport report = importer.importJsonLines(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
                n -> { });
        assertThat(report.created()).isEqualTo(3);
        relay.drain();

        MockHttpServletResponse page = get("/column/news");
        assertThat(page.getHeader("X-Cache")).isEqualTo("MISS");
        assertThat(page.getContentAsString(StandardCharsets.UTF_8))
                .containsSubsequence("雪松岭社工站第3期", "雪松岭社工站第2期", "雪松岭社工站第1期");
        awaitWithin(30_000, () -> !engine.status().rebuilding()
                && engine.search(SearchQuery.simple("雪松岭")).total() == 3);
    }

    private MockHttpServletResponse get(String url) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(url)).andReturn().getResponse();
    }

}
