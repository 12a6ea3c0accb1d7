package org.shegong.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.shegong.content.PopularArticles;
import org.shegong.content.ViewCounter;
import org.shegong.site.cache.PageCache;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** 热门排行 on the home page (site-wide) and in the article page's sidebar (the article's column). */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:popularpages;DB_CLOSE_DELAY=-1",
        "shegong.demo-content=true"})
@AutoConfigureMockMvc
class PopularPagesTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ViewCounter counter;
    @Autowired PopularArticles popular;
    @Autowired PageCache pageCache;

    private String html(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private long idOf(String title) {
        return jdbc.sql("SELECT id FROM article WHERE title = ?").param(title).query(Long.class).single();
    }

    @Test
    void theMostReadArticlesAreRankedOnTheHomePageAndInTheColumnSidebar() throws Exception {
        long news = idOf("海南省首批66个乡镇(街道)社工站已全部运营");
        long policy = jdbc.sql("SELECT a.id FROM article a JOIN column_node c ON c.id = a.primary_column_id "
                + "WHERE c.slug = 'policy' ORDER BY a.id LIMIT 1").query(Long.class).single();
        String policyTitle = jdbc.sql("SELECT title FROM article WHERE id = ?").param(policy).query(String.class)
                .single();
        for (int i = 0; i < 7; i++) {
            counter.record(news);
        }
        for (int i = 0; i < 3; i++) {
            counter.record(policy);
        }
        counter.flush();
        popular.refresh();
        pageCache.evictAll();

        String home = html("/");
        assertThat(home).contains("<h2 id=\"popular-heading\">热门排行</h2>", "<h3>本周</h3>", "<h3>本月</h3>",
                "7 次阅读", "3 次阅读");
        String ranking = home.substring(home.indexOf("popular-heading"), home.indexOf("<h3>本月</h3>"));
        assertThat(ranking.indexOf("海南省首批66个乡镇(街道)社工站已全部运营")).isLessThan(ranking.indexOf(policyTitle));

        String other = html("/article/" + idOf("黑龙江省牡丹江市首个社工站正式运营"));
        String sidebar = other.substring(other.indexOf("<aside class=\"sidebar\""), other.indexOf("</aside>"));
        assertThat(sidebar).contains("行业动态热门", "海南省首批66个乡镇(街道)社工站已全部运营")
                .doesNotContain(policyTitle);
    }
}
