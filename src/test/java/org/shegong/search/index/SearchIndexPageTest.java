package org.shegong.search.index;

import org.shegong.search.SearchEngine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shegong.system.Await.awaitWithin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shegong.account.AccountService;
import org.shegong.account.ColumnGrant;
import org.shegong.account.Role;
import org.shegong.column.ColumnService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The administrator's search index page: only administrators open it or start a rebuild (with the CSRF token);
 * a rebuild runs in the background, the page reloads itself while it runs, and the action is audited.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:searchindexpage;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class SearchIndexPageTest {

    static final String PASSWORD = "pass-word-12345";

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired ColumnService columns;
    @Autowired SearchEngine engine;
    @Autowired IndexRebuilder rebuilder;
    @Autowired IndexStore index;

    MockHttpSession administrator;
    MockHttpSession contributor;
    MockHttpSession chief;

    @BeforeEach
    void users() throws Exception {
        awaitWithin(30_000, () -> !engine.status().rebuilding());
        long news = columns.bySlug("news").orElseThrow().id();
        String suffix = String.valueOf(System.nanoTime() % 100_000_000);
        administrator = session("admin" + suffix, true, List.of());
        contributor = session("member" + suffix, false, List.of(new ColumnGrant(news, Role.CONTRIBUTOR)));
        chief = session("chief" + suffix, false, List.of(new ColumnGrant(news, Role.CHIEF_EDITOR)));
    }

    private MockHttpSession session(String username, boolean admin, List<ColumnGrant> grants) throws Exception {
        accounts.create(username, "用户" + username, PASSWORD, admin, grants);
        MvcResult login = mvc.perform(post("/admin/login").param("username", username).param("password", PASSWORD)
                .with(csrf())).andReturn();
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/admin");
        return (MockHttpSession) login.getRequest().getSession();
    }

    @Test
    void onlyAdministratorsOpenThePageOrStartARebuild() throws Exception {
        for (MockHttpSession staff : List.of(contributor, chief)) {
            mvc.perform(get("/admin/search-index").session(staff)).andExpect(status().isForbidden());
            mvc.perform(post("/admin/search-index/rebuild").session(staff).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin/search-index")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/search-index/rebuild").session(administrator)).andExpect(status().isForbidden());
        assertThat(page(contributor, "/admin")).doesNotContain("href=\"/admin/search-index\"");
        assertThat(page(administrator, "/admin")).contains("href=\"/admin/search-index\"");
    }

    @Test
    void thePageShowsTheIndexAndSaysVocabularyChangesApplyOnRebuild() throws Exception {
        String shown = page(administrator, "/admin/search-index");
        assertThat(shown).contains("搜索索引", "正常", "网站可搜到的已发布文章 " + index.publicDocumentCount(),
                "重建索引", "name=\"_csrf\"", "dictionary.txt", "synonyms.txt",
                "修改词典和同义词后需要<strong>重建索引</strong>才能生效", "java -jar shegong.jar reindex")
                .doesNotContain("http-equiv=\"refresh\"");
    }

    @Test
    void aRebuildRunsInTheBackgroundWithProgressAndIsAudited() throws Exception {
        String before = page(administrator, "/admin/audit?action=search-reindex");
        // Holding the index lock keeps the rebuild at its last step, so the page can be seen while it runs.
        index.lock().lock();
        try {
            mvc.perform(post("/admin/search-index/rebuild").session(administrator).with(csrf()))
                    .andExpect(redirectedUrl("/admin/search-index?done=started"));
            awaitWithin(10_000, () -> rebuilder.progress().done() == rebuilder.progress().total());
            String running = page(administrator, "/admin/search-index?done=started");
            assertThat(running).contains("已开始重建搜索索引", "正在重建：已写入", "（100%）",
                    "<meta http-equiv=\"refresh\" content=\"2\">", "href=\"/admin/search-index\">手动刷新");
            mvc.perform(post("/admin/search-index/rebuild").session(administrator).with(csrf()))
                    .andExpect(redirectedUrl("/admin/search-index?done=running"));
            assertThat(page(administrator, "/admin/search-index?done=running")).contains("重建已在进行");
        } finally {
            index.lock().unlock();
        }
        awaitWithin(10_000, () -> !rebuilder.progress().running());
        String done = page(administrator, "/admin/search-index");
        assertThat(done).contains("正常", "完成，写入 " + rebuilder.progress().total() + " 篇", "每秒")
                .doesNotContain("http-equiv=\"refresh\"");
        String audit = page(administrator, "/admin/audit?action=search-reindex");
        assertThat(count(audit, "重建搜索索引：应写入")).isEqualTo(count(before, "重建搜索索引：应写入") + 1);
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private String page(MockHttpSession session, String url) throws Exception {
        return mvc.perform(get(url).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

}
