package org.shegong.sitepage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shegong.account.AccountService;
import org.shegong.account.ColumnGrant;
import org.shegong.account.Role;
import org.shegong.column.ColumnAdminService;
import org.shegong.column.ColumnService;
import org.shegong.site.cache.PageCache;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** 关于我们/联系我们 edited in the back office, the 网站地图, sub-columns, the footer's 备案 lines, the favicon. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:sitepages;DB_CLOSE_DELAY=-1",
        "shegong.demo-content=false", "shegong.footer.undertaker=社工中国网编辑部",
        "shegong.footer.icp=京ICP备12345678号-1", "shegong.footer.police=京公网安备 11010502030143号"})
@AutoConfigureMockMvc
class SitePagesTest {

    static final String PASSWORD = "pass-word-12345";

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired ColumnService columns;
    @Autowired ColumnAdminService columnAdmin;
    @Autowired PageCache pageCache;
    @Autowired JdbcClient jdbc;

    private String html(String url, int status) throws Exception {
        return mvc.perform(get(url)).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpSession login(boolean administrator) throws Exception {
        String name = "u" + System.nanoTime() % 100_000_000;
        accounts.create(name, "用户" + name, PASSWORD, administrator,
                administrator ? List.of() : List.of(new ColumnGrant(columns.bySlug("news").orElseThrow().id(),
                        Role.CHIEF_EDITOR)));
        return (MockHttpSession) mvc.perform(post("/admin/login").param("username", name).param("password", PASSWORD)
                .with(csrf())).andReturn().getRequest().getSession();
    }

    private String posted(MockHttpSession session, String url, int status, String... params) throws Exception {
        var request = post(url).session(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aboutAndContactExistAndUnknownPagesAre404() throws Exception {
        assertThat(html("/page/about", 200)).contains("<h1>关于我们</h1>", "中国社会工作联合会主办");
        assertThat(html("/page/contact", 200)).contains("<h1>联系我们</h1>");
        assertThat(html("/page/nothing-here", 404)).contains("没有找到这个页面");
        html("/page/Bad_Slug", 404);
    }

    @Test
    void anAdministratorEditsAPageItIsSanitisedShownAndAudited() throws Exception {
        MockHttpSession admin = login(true);
        long about = jdbc.sql("SELECT id FROM site_page WHERE slug = 'about'").query(Long.class).single();
        assertThat(mvc.perform(get("/admin/pages").session(admin)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("关于我们", "/page/contact");
        posted(admin, "/admin/pages/" + about, 302, "title", "关于本网",
                "body", "<p onclick=\"x()\">联合会简介<script>alert(1)</script></p><h2>联系方式</h2>");
        String page = html("/page/about", 200);
        assertThat(page).contains("<h1>关于本网</h1>", "<p>联合会简介</p>", "<h2>联系方式</h2>")
                .doesNotContain("alert(1)").doesNotContain("onclick");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'page-edit' AND comment LIKE ?")
                .param("%#" + about + "%").query(Long.class).single()).isEqualTo(1);
        assertThat(posted(admin, "/admin/pages/" + about, 400, "title", "", "body", "<p>x</p>"))
                .contains("标题不能为空");
        assertThat(posted(admin, "/admin/pages/" + about, 400, "title", "关于", "body", "<script>1</script>"))
                .contains("正文不能为空");
        assertThat(mvc.perform(get("/admin/pages/999999").session(admin)).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("没有找到这个单页");
        mvc.perform(get("/admin/pages/abc").session(admin)).andExpect(status().isBadRequest());
    }

    @Test
    void newPagesNeedAFreeWellFormedSlug() throws Exception {
        MockHttpSession admin = login(true);
        assertThat(posted(admin, "/admin/pages", 400, "slug", "关于", "title", "指南", "body", "<p>正文</p>"))
                .contains("地址标识只能用小写字母");
        assertThat(posted(admin, "/admin/pages", 400, "slug", "about", "title", "指南", "body", "<p>正文</p>"))
                .contains("已被其他单页使用");
        posted(admin, "/admin/pages", 302, "slug", "guide", "title", "投稿指南", "body", "<p>欢迎投稿</p>");
        assertThat(html("/page/guide", 200)).contains("<h1>投稿指南</h1>", "欢迎投稿");
        assertThat(html("/sitemap", 200)).contains("href=\"/page/guide\"");
    }

    @Test
    void onlyAdministratorsManagePages() throws Exception {
        MockHttpSession editor = login(false);
        mvc.perform(get("/admin/pages").session(editor)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/pages/1").session(editor).with(csrf()).param("title", "x").param("body", "y"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/pages")).andExpect(status().is3xxRedirection());
    }

    @Test
    void subColumnsAppearInTheNavigationOnTheParentPageAndInTheSitemap() throws Exception {
        long news = columns.bySlug("news").orElseThrow().id();
        columnAdmin.add(news, "stations", "社工站建设", "乡镇（街道）社工站");
        long hidden = columnAdmin.add(news, "drafts-area", "内部栏目", null);
        columnAdmin.setVisible(hidden, false);
        columns.reload();
        pageCache.evictAll();
        String sitemap = html("/sitemap", 200);
        assertThat(sitemap).contains("<h1>网站地图</h1>", "href=\"/column/policy\"", "href=\"/column/weekly\"",
                "href=\"/page/about\"", "href=\"/page/contact\"").doesNotContain("内部栏目");
        int parent = sitemap.indexOf("href=\"/column/news\"");
        int child = sitemap.indexOf("href=\"/column/stations\"");
        assertThat(child).isGreaterThan(parent);
        assertThat(sitemap.substring(parent, child)).contains("<ul>");
        assertThat(html("/", 200)).contains("class=\"sub-nav\"", "href=\"/column/stations\"");
        assertThat(html("/column/news", 200)).contains("aria-label=\"子栏目\"", "社工站建设");
        assertThat(html("/column/stations", 200)).contains("<h1 class=\"column-title\">社工站建设</h1>");
    }

    @Test
    void theFooterLinksThePagesTheSitemapAndBothFilingNumbers() throws Exception {
        String home = html("/", 200);
        assertThat(home).contains("href=\"/page/about\">关于我们</a>", "href=\"/page/contact\">联系我们</a>",
                        "href=\"/sitemap\">网站地图</a>", "主办单位：中国社会工作联合会", "承办单位：社工中国网编辑部")
                .contains("<a href=\"https://beian.miit.gov.cn/\" rel=\"noopener\" target=\"_blank\">京ICP备12345678号-1</a>")
                .contains("href=\"https://beian.mps.gov.cn/#/query/webSearch?code=11010502030143\"",
                        ">京公网安备 11010502030143号</a>")
                .contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">");
    }

    @Test
    void theFaviconIsServed() throws Exception {
        byte[] ico = mvc.perform(get("/favicon.ico")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(ico).startsWith(0, 0, 1, 0);
        mvc.perform(get("/favicon.svg")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("image/svg+xml"));
    }
}
