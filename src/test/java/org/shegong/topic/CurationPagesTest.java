package org.shegong.topic;

import org.shegong.system.audit.AuditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shegong.account.AccountService;
import org.shegong.account.ColumnGrant;
import org.shegong.account.Role;
import org.shegong.system.audit.AuditLog;
import org.shegong.column.ColumnService;
import org.shegong.content.ArticleInput;
import org.shegong.content.ArticleService;
import org.shegong.content.ArticleStatus;
import org.shegong.content.Kind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

/** 首页版位 and 专题 through HTTP: who may curate, what the home page and a topic page show, and refusals. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:curation;DB_CLOSE_DELAY=-1",
        "shegong.demo-content=false", "shegong.workflow.schedule-initial-delay=1h", "shegong.page-cache.enabled=false"})
@AutoConfigureMockMvc
class CurationPagesTest {

    private static final String PASSWORD = "pass-word-12345";

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired ColumnService columns;
    @Autowired ArticleService articles;
    @Autowired TransactionTemplate transactions;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;

    long news;

    @BeforeEach
    void clean() {
        news = columns.bySlug("news").orElseThrow().id();
        jdbc.sql("DELETE FROM topic_slot_item").update();
    }

    @Test
    void emptySlotsFallBackToTheNewestItemsAndAChosenHeadlineLeadsTheHomePage() throws Exception {
        long older = publish("较早的社工站新闻", "2026-10-01T02:00:00Z", List.of());
        long newest = publish("最新的社工站新闻", "2026-11-30T02:00:00Z", List.of());
        String home = page(null, "/", 200);
        assertThat(home).contains("推荐阅读").contains("图片新闻").contains("最新的社工站新闻");

        MockHttpSession chief = staff(Role.CHIEF_EDITOR);
        send(form(chief, "/admin/slots/headline/add").param("article", "https://www.example.org.cn/article/" + older))
                .andExpect(status().is3xxRedirection());
        send(form(chief, "/admin/slots/photo/add").param("article", String.valueOf(newest))
                .param("imageUrl", "https://img.example.org/a.jpg").param("caption", "揭牌现场"))
                .andExpect(status().is3xxRedirection());
        home = page(null, "/", 200);
        int featured = home.indexOf("class=\"featured\"");
        assertThat(home.indexOf("较早的社工站新闻", featured)).isBetween(featured, featured + 400);
        assertThat(home).contains("src=\"https://img.example.org/a.jpg\"").contains("揭牌现场");
        assertThat(audit.latest(null, AuditCode.SLOT_ADD, 5)).anyMatch(e -> e.articleId() == older && e.comment().contains("头条"));

        // An article taken off the site leaves the slot by itself; the slot falls back again.
        transactions.executeWithoutResult(s -> articles.withdraw(older));
        assertThat(page(null, "/", 200)).doesNotContain("较早的社工站新闻");
    }

    @Test
    void badAddressesDuplicatesDraftsAndFullSlotsAreRefusedWithReasons() throws Exception {
        long live = publish("版位校验文章", "2026-11-01T02:00:00Z", List.of());
        MockHttpSession chief = staff(Role.CHIEF_EDITOR);
        assertThat(text(send(form(chief, "/admin/slots/photo/add").param("article", String.valueOf(live))
                .param("imageUrl", "javascript:alert(1)")).andExpect(status().isBadRequest())))
                .contains("图片地址须以 https:// 开头");
        send(form(chief, "/admin/slots/photo/add").param("article", String.valueOf(live)).param("imageUrl", "//evil.example/x.png"))
                .andExpect(status().isBadRequest());
        send(form(chief, "/admin/slots/photo/add").param("article", String.valueOf(live)))
                .andExpect(status().isBadRequest());
        assertThat(text(send(form(chief, "/admin/slots/recommended/add").param("article", "99999999"))
                .andExpect(status().isBadRequest()))).contains("没有编号为 99999999 的已发布文章");
        send(form(chief, "/admin/slots/nonsense/add").param("article", String.valueOf(live))).andExpect(status().isBadRequest());
        send(form(chief, "/admin/slots/recommended/add").param("article", String.valueOf(live))).andExpect(status().is3xxRedirection());
        assertThat(text(send(form(chief, "/admin/slots/recommended/add").param("article", String.valueOf(live)))
                .andExpect(status().isBadRequest()))).contains("已在“推荐阅读”中");
        for (int i = 0; i < 2; i++) {
            send(form(chief, "/admin/slots/headline/add").param("article", String.valueOf(publish("头条" + i, "2026-11-0" + (i + 2)
                    + "T02:00:00Z", List.of())))).andExpect(status().is3xxRedirection());
        }
        send(form(chief, "/admin/slots/headline/add").param("article", String.valueOf(live))).andExpect(status().is3xxRedirection());
        assertThat(text(send(form(chief, "/admin/slots/headline/add").param("article", String.valueOf(publish("第四条头条",
                "2026-11-05T02:00:00Z", List.of())))).andExpect(status().isBadRequest()))).contains("最多放 3 篇");
    }

    @Test
    void onlyChiefEditorsAndAdministratorsCurate() throws Exception {
        long live = publish("权限校验文章", "2026-11-01T02:00:00Z", List.of());
        MockHttpSession editor = staff(Role.EDITOR);
        page(editor, "/admin/slots", 403);
        page(editor, "/admin/topics", 403);
        send(form(editor, "/admin/slots/headline/add").param("article", String.valueOf(live))).andExpect(status().isForbidden());
        send(form(editor, "/admin/topics").param("slug", "x").param("title", "x")).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM topic_slot_item").query(Integer.class).single()).isZero();
        mvc.perform(get("/admin/slots")).andExpect(status().is3xxRedirection());
    }

    @Test
    void aTopicShowsItsBannerIntroductionCuratedItemsThenItemsWithItsTag() throws Exception {
        long curated = publish("防汛救灾中的社工力量", "2026-08-01T02:00:00Z", List.of());
        long tagged = publish("社工参与灾后心理疏导", "2026-08-05T02:00:00Z", List.of("防汛救灾"));
        long both = publish("抗洪纪实(三)", "2026-08-06T02:00:00Z", List.of("防汛救灾"));
        publish("与专题无关的新闻", "2026-08-07T02:00:00Z", List.of("养老服务"));
        MockHttpSession chief = staff(Role.CHIEF_EDITOR);
        String location = send(form(chief, "/admin/topics").param("slug", "flood-relief").param("title", "防汛救灾 社工在行动")
                .param("bannerUrl", "/media/banner-flood.jpg").param("introduction", "第一段导语。\n第二段<script>x</script>")
                .param("queryTag", "防汛救灾").param("visible", "1")).andExpect(status().is3xxRedirection()).andReturn()
                .getResponse().getRedirectedUrl();
        String topicAdmin = location.replaceAll("\\?.*", "");
        send(form(chief, topicAdmin + "/items").param("article", String.valueOf(curated))).andExpect(status().is3xxRedirection());
        send(form(chief, topicAdmin + "/items").param("article", String.valueOf(both))).andExpect(status().is3xxRedirection());

        String topic = page(null, "/topic/flood-relief", 200);
        assertThat(topic).contains("<h1>防汛救灾 社工在行动</h1>").contains("src=\"/media/banner-flood.jpg\"")
                .contains("<p class=\"topic-intro\">第一段导语。</p>").contains("&lt;script&gt;x&lt;/script&gt;")
                .doesNotContain("与专题无关的新闻");
        int curatedSection = topic.indexOf("专题文章");
        int foundSection = topic.indexOf("相关报道");
        assertThat(topic.indexOf("防汛救灾中的社工力量")).isBetween(curatedSection, foundSection);
        assertThat(topic.indexOf("社工参与灾后心理疏导")).isGreaterThan(foundSection);
        assertThat(topic.indexOf("抗洪纪实(三)")).isBetween(curatedSection, foundSection);
        assertThat(topic.indexOf("抗洪纪实(三)", foundSection)).isEqualTo(-1);
        assertThat(audit.latest(null, AuditCode.TOPIC_ITEM_ADD, 5)).anyMatch(e -> e.articleId() == curated);
        assertThat(tagged).isPositive();

        send(form(chief, "/admin/topics").param("slug", "flood-relief").param("title", "重名"))
                .andExpect(status().isBadRequest());
        send(form(chief, "/admin/topics").param("slug", "Bad Slug").param("title", "坏地址"))
                .andExpect(status().isBadRequest());
        send(form(chief, topicAdmin).param("slug", "flood-relief").param("title", "防汛救灾 社工在行动"))
                .andExpect(status().is3xxRedirection());
        page(null, "/topic/flood-relief", 404);
        page(null, "/topic/no-such-topic", 404);
    }

    private long publish(String title, String at, List<String> tags) {
        return transactions.execute(s -> articles.save(new ArticleInput(null, title, null, null, "<p>" + title + "。</p>",
                "民政部", null, null, Kind.NEWS, false, List.of(news), tags, null, Instant.parse(at),
                ArticleStatus.LIVE))).id();
    }

    private MockHttpSession staff(Role role) throws Exception {
        String username = "cur" + System.nanoTime() % 100_000_000;
        accounts.create(username, "编辑" + username, PASSWORD, false, List.of(new ColumnGrant(news, role)));
        MvcResult login = mvc.perform(post("/admin/login").param("username", username).param("password", PASSWORD)
                .with(csrf())).andReturn();
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/admin");
        return (MockHttpSession) login.getRequest().getSession();
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder form(MockHttpSession session,
                                                                                          String url) {
        return post(url).session(session).with(csrf());
    }

    private ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request);
    }

    private static String text(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String page(MockHttpSession session, String url, int expected) throws Exception {
        var request = get(url);
        if (session != null) {
            request = request.session(session);
        }
        return mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
