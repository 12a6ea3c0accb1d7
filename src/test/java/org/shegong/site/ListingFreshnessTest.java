package org.shegong.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.shegong.content.importer.ArticleImporter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** A newly imported article shows up on its column's numbered pages through the outbox, within a second. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:freshness;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class ListingFreshnessTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ArticleImporter importer;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.shegong.system.NodeId node;


    @Test
    void aNewArticleAppearsOnPageOneAndTheTotalGrowsWithinASecond() throws Exception {
        // The promise is for a running site: first let every consumer follow the first start's demo import (a few
        // hundred events, each then tagged with its regions), then time one change.
        org.shegong.system.outbox.OutboxFollowed.await(jdbc, node.value());
        String before = page("/column/news");
        // The demo content: the seed page and the sample articles of 行业动态.
        java.util.regex.Matcher total = java.util.regex.Pattern.compile("共 (\\d+) 条").matcher(before);
        assertThat(total.find()).isTrue();
        int count = Integer.parseInt(total.group(1));
        assertThat(count).isGreaterThan(50);

        String line = "{\"id\":\"fresh-1\",\"column\":\"news\",\"title\":\"广西柳州新建社工站投入运营\","
                + "\"published_at\":\"2030-01-01T08:00:00+08:00\",\"body\":\"正文。\"}";
        importer.importJsonLines(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), n -> { });

        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        String after = page("/column/news");
        while (!after.contains("共 " + (count + 1) + " 条") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            after = page("/column/news");
        }
        assertThat(after).contains("共 " + (count + 1) + " 条", "广西柳州新建社工站投入运营");
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
