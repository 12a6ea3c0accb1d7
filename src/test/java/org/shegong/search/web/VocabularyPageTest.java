package org.shegong.search.web;

import org.shegong.system.audit.AuditCode;
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
import org.shegong.search.SearchEngine;
import org.shegong.search.index.IndexRebuilder;
import org.shegong.search.index.SearchIndex;
import org.shegong.system.audit.AuditEntry;
import org.shegong.system.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * 搜索词典: administrators and chief editors maintain dictionary words and synonyms; synonyms reach queries at
 * once, dictionary words through a background rebuild; every change is audited; bad input gets a 400 in Chinese.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:searchvocabulary;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class VocabularyPageTest {

    static final String PASSWORD = "pass-word-12345";

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired ColumnService columns;
    @Autowired SearchEngine engine;
    @Autowired IndexRebuilder rebuilder;
    @Autowired SearchIndex index;
    @Autowired AuditLog audit;

    MockHttpSession administrator;
    MockHttpSession chief;
    MockHttpSession editor;

    @BeforeEach
    void users() throws Exception {
        awaitWithin(30_000, () -> !engine.status().rebuilding());
        long news = columns.bySlug("news").orElseThrow().id();
        String suffix = String.valueOf(System.nanoTime() % 100_000_000);
        administrator = session("admin" + suffix, true, List.of());
        chief = session("chief" + suffix, false, List.of(new ColumnGrant(news, Role.CHIEF_EDITOR)));
        editor = session("editor" + suffix, false, List.of(new ColumnGrant(news, Role.REVIEWER)));
    }

    private MockHttpSession session(String username, boolean admin, List<ColumnGrant> grants) throws Exception {
        accounts.create(username, "用户" + username, PASSWORD, admin, grants);
        MvcResult login = mvc.perform(post("/admin/login").param("username", username).param("password", PASSWORD)
                .with(csrf())).andReturn();
        return (MockHttpSession) login.getRequest().getSession();
    }

    @Test
    void onlyAdministratorsAndChiefEditorsMaintainTheVocabulary() throws Exception {
        mvc.perform(get("/admin/search-vocabulary").session(editor)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/search-vocabulary/synonyms").session(editor).with(csrf()).param("groups", "甲方,乙方"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/search-vocabulary/synonyms").session(chief).param("groups", "甲方,乙方"))
                .andExpect(status().isForbidden()); // no CSRF token
        assertThat(page(chief)).contains("搜索词典", "新增词典词", "新增同义词");
        assertThat(page(administrator)).contains("搜索词典");
    }

    @Test
    void synonymsApplyAtOnceAndAreAudited() throws Exception {
        mvc.perform(post("/admin/search-vocabulary/synonyms").session(chief).with(csrf())
                        .param("groups", "社工周刊，社会工作周刊"))
                .andExpect(redirectedUrl("/admin/search-vocabulary?done=synonyms"));
        assertThat(index.lexicon().synonymsOf("社工周刊")).containsExactly("社会工作周刊");
        assertThat(page(chief, "?done=synonyms")).contains("社工周刊,社会工作周刊", "同义词已更新，搜索立即生效");
        List<AuditEntry> entries = audit.latest(null, AuditCode.SEARCH_VOCABULARY, 5);
        assertThat(entries).anyMatch(e -> e.comment().contains("社工周刊"));

        mvc.perform(post("/admin/search-vocabulary/delete").session(chief).with(csrf())
                .param("kind", "synonyms").param("entry", "社工周刊,社会工作周刊"));
        assertThat(index.lexicon().synonymsOf("社工周刊")).isEmpty();
        assertThat(audit.latest(null, AuditCode.SEARCH_VOCABULARY, 5)).anyMatch(e -> e.comment().startsWith("同义词删除"));
    }

    @Test
    void dictionaryWordsReachTheIndexThroughABackgroundRebuild() throws Exception {
        assertThat(index.lexicon().isWord("社工驿站联盟")).isFalse();
        mvc.perform(post("/admin/search-vocabulary/words").session(administrator).with(csrf())
                        .param("words", "社工驿站联盟\n"))
                .andExpect(redirectedUrl("/admin/search-vocabulary?done=words"));
        awaitWithin(30_000, () -> !rebuilder.progress().running() && !engine.status().rebuilding());
        assertThat(index.lexicon().isWord("社工驿站联盟")).isTrue();
        assertThat(page(administrator, "?done=words")).contains("社工驿站联盟", "索引正在后台重建");
    }

    @Test
    void badInputGetsAClearMessage() throws Exception {
        for (String[] bad : List.of(new String[] {"words", "words", "社"}, new String[] {"words", "words", "<script>"},
                new String[] {"synonyms", "groups", "只有一个词"}, new String[] {"synonyms", "groups", "  "})) {
            String body = mvc.perform(post("/admin/search-vocabulary/" + bad[0]).session(administrator).with(csrf())
                            .param(bad[1], bad[2]))
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(body).contains("role=\"alert\"");
        }
        mvc.perform(post("/admin/search-vocabulary/delete").session(administrator).with(csrf())
                .param("kind", "other").param("entry", "x")).andExpect(status().isBadRequest());
    }

    private String page(MockHttpSession session) throws Exception {
        return page(session, "");
    }

    private String page(MockHttpSession session, String query) throws Exception {
        return mvc.perform(get("/admin/search-vocabulary" + query).session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
