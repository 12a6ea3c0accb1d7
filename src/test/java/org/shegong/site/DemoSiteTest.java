package org.shegong.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shegong.account.AccountService;
import org.shegong.system.Times;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** A new install with nothing but the demo content: every home block filled, nothing dated today. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:demosite;DB_CLOSE_DELAY=-1",
        "shegong.demo-content=true"})
@AutoConfigureMockMvc
class DemoSiteTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired AccountService accounts;

    private String html(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void homePageHasNoEmptyBlockAndNothingDatedTheInstallDay() throws Exception {
        String home = html("/");
        assertThat(home).doesNotContain("暂无内容").doesNotContain(Times.listDate(Instant.now()));
        assertThat(home.split("<section class=\"block\"", -1)).hasSize(6);
        assertThat(home).contains("社会工作一周动态 (8.23-8.29)");
        LocalDate today = LocalDate.now(Times.CHINA);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM article WHERE published_at >= ?")
                .param(Times.toDb(today.atStartOfDay(Times.CHINA).minusDays(1).toInstant())).query(Long.class).single())
                .as("no demo item is dated around the install day").isZero();
    }

    @Test
    void theSeedDigestIsDatedTheMondayAfterItsWeekAndTheSeedOrderIsKept() throws Exception {
        Instant digest = jdbc.sql("SELECT published_at FROM article WHERE title = '社会工作一周动态 (8.23-8.29)'")
                .query(java.time.LocalDateTime.class).single().atZone(java.time.ZoneOffset.UTC).toInstant();
        assertThat(Times.articleDate(Times.fromDb(Times.toDb(digest)))).isEqualTo("2021年8月30日");
        List<String> byDate = jdbc.sql("SELECT title FROM article WHERE external_id LIKE 'seed:%' "
                + "ORDER BY published_at DESC, id").query(String.class).list();
        List<String> byImport = jdbc.sql("SELECT title FROM article WHERE external_id LIKE 'seed:%' ORDER BY id")
                .query(String.class).list();
        assertThat(byDate).hasSize(byImport.size()).containsExactlyElementsOf(byImport);
        List<java.time.LocalDateTime> dates = jdbc.sql("SELECT published_at FROM article "
                + "WHERE external_id LIKE 'seed:%' ORDER BY id").query(java.time.LocalDateTime.class).list();
        assertThat(java.time.Duration.between(dates.get(dates.size() - 1), dates.get(0)).toDays())
                .as("spread over weeks, not minutes").isBetween(30L, 120L);
    }

    @Test
    void theDemoShowsOneItemOfEachTypeWithItsFilesImportedByPath() throws Exception {
        for (String kind : List.of("NOTICE", "INFOGRAPHIC", "POLICY", "VIDEO", "PHOTO")) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM article WHERE kind = ? AND external_id LIKE 'demo-type-%'")
                    .param(kind).query(Long.class).single()).as(kind).isEqualTo(1);
        }
        long infographic = jdbc.sql("SELECT id FROM article WHERE external_id = 'demo-type-infographic'")
                .query(Long.class).single();
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html("/article/" + infographic));
        String image = page.selectFirst(".infographic img").attr("src");
        assertThat(image).as("re-encoded (an opaque PNG becomes a JPEG)")
                .matches("/media/[0-9a-f]{2}/[0-9a-f]{32}\\.(png|jpg)");
        assertThat(mvc.perform(get(image)).andReturn().getResponse().getContentType()).startsWith("image/");
        assertThat(page.select(".transcript p").size()).isGreaterThan(4);

        long policy = jdbc.sql("SELECT id FROM article WHERE external_id = 'demo-type-policy'").query(Long.class).single();
        String pdf = org.jsoup.Jsoup.parse(html("/article/" + policy)).selectFirst(".attachment a").attr("href");
        assertThat(mvc.perform(get(pdf)).andReturn().getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(org.jsoup.Jsoup.parse(html("/policies")).select(".policy-table").text()).contains("民发〔2021〕演示1号");

        long video = jdbc.sql("SELECT id FROM article WHERE external_id = 'demo-type-video'").query(Long.class).single();
        org.jsoup.nodes.Element player = org.jsoup.Jsoup.parse(html("/article/" + video)).selectFirst("video");
        assertThat(player.attr("poster")).startsWith("/media/");
        String clip = player.selectFirst("source").attr("src");
        assertThat(player.selectFirst("source").attr("type")).isEqualTo("video/mp4");
        assertThat(mvc.perform(get(clip)).andReturn().getResponse().getContentType()).isEqualTo("video/mp4");

        assertThat(org.jsoup.Jsoup.parse(html("/")).select(".photo-news img")).as("图片新闻 has pictures").isNotEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM media_file").query(Long.class).single())
                .as("five files, each stored once").isEqualTo(5);
    }

    @Test
    void aSeedItemWithoutBodySaysItIsASummaryAndDoesNotEndInDots() throws Exception {
        long id = jdbc.sql("SELECT id FROM article WHERE title = '黑龙江省牡丹江市首个社工站正式运营'").query(Long.class).single();
        String page = html("/article/" + id);
        String body = page.substring(page.indexOf("<div class=\"article-body\">"), page.indexOf("</article>"));
        assertThat(body).contains("本文为摘要，全文见来源").contains("牡丹江市爱民区兴平街道社会工作服务站")
                .doesNotContain("...");
    }

    @Test
    void withoutAMailServerTheNewsletterIsNotOfferedAndAdministratorsAreToldWhatToSet() throws Exception {
        assertThat(html("/")).doesNotContain("href=\"/newsletter\"");
        assertThat(html("/newsletter")).contains("暂未开通邮件订阅").doesNotContain("name=\"email\"");
        String name = "boss" + System.nanoTime() % 1_000_000;
        accounts.create(name, "管理员", "pass-word-12345", true, List.of());
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/admin/login").param("username", name)
                .param("password", "pass-word-12345").with(csrf())).andReturn().getRequest().getSession();
        String dashboard = mvc.perform(get("/admin").session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(dashboard).contains("邮件订阅未开通", "spring.mail.host", "SPRING_MAIL_HOST");
    }

    @Test
    void readersReachingTheSiteUnderAnotherAddressWhileTheBaseUrlIsTheDefaultIsToldToAdministrators() throws Exception {
        String boss = "boss" + System.nanoTime() % 1_000_000;
        accounts.create(boss, "管理员", "pass-word-12345", true, List.of());
        String editor = "ed" + System.nanoTime() % 1_000_000;
        accounts.create(editor, "编辑", "pass-word-12345", false, List.of());
        assertThat(dashboardOf(boss)).doesNotContain("公开地址未设置"); // so far only loopback requests

        mvc.perform(get("/").with(r -> {
            r.setServerName("www.shegong.example");
            r.setServerPort(8443);
            r.setScheme("https");
            return r;
        })).andExpect(status().isOk());
        assertThat(dashboardOf(boss)).contains("公开地址未设置", "https://www.shegong.example:8443", "SHEGONG_BASE_URL");
        assertThat(dashboardOf(editor)).doesNotContain("公开地址未设置");
    }

    @Test
    void forwardedHeadersWhileTheProxyIsNotTrustedAreToldToAdministrators() throws Exception {
        String boss = "boss" + System.nanoTime() % 1_000_000;
        accounts.create(boss, "管理员", "pass-word-12345", true, List.of());
        String editor = "ed" + System.nanoTime() % 1_000_000;
        accounts.create(editor, "编辑", "pass-word-12345", false, List.of());
        assertThat(dashboardOf(boss)).doesNotContain("反向代理的转发头被忽略");

        mvc.perform(get("/rss.xml").header("X-Forwarded-For", "203.0.113.9").header("X-Forwarded-Proto", "https")
                .with(r -> {
                    r.setRemoteAddr("10.0.0.7");
                    return r;
                })).andExpect(status().isOk());
        assertThat(dashboardOf(boss)).contains("反向代理的转发头被忽略", "10.0.0.7", "SHEGONG_TRUST_PROXY=true");
        assertThat(dashboardOf(editor)).doesNotContain("反向代理的转发头被忽略");
    }

    private String dashboardOf(String name) throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/admin/login").param("username", name)
                .param("password", "pass-word-12345").with(csrf())).andReturn().getRequest().getSession();
        return mvc.perform(get("/admin").session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aCutSummaryEndsAtItsLastWholeSentence() {
        assertThat(ArticleViews.wholeSentences("第一句话已经写得足够长足够长足够长足够长了。第二句没有写完..."))
                .isEqualTo("第一句话已经写得足够长足够长足够长足够长了。");
        assertThat(ArticleViews.wholeSentences("短句没有句号..."))
                .isEqualTo("短句没有句号（摘要节选）");
        assertThat(ArticleViews.wholeSentences("完整的摘要。")).isEqualTo("完整的摘要。");
    }
}
