package org.shegong.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shegong.account.AccountService;
import org.shegong.account.ColumnGrant;
import org.shegong.account.Role;
import org.shegong.column.ColumnService;
import org.shegong.content.importer.ArticleImporter;
import org.shegong.content.importer.ImportReport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Near-duplicates in the import report (and --skip-similar), on the editor page, and in the cluster report. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:duplicates;DB_CLOSE_DELAY=-1",
        "shegong.demo-content=false", "shegong.workflow.schedule-initial-delay=1h"})
@AutoConfigureMockMvc
class DuplicatesPagesTest {

    static final String PASSWORD = "pass-word-12345";
    static final String P1 = "记者从辽宁省民政厅获悉，截至今年6月底，全省1228个乡镇（街道）社会工作服务站已全部建成并投入运营，提前半年完成全覆盖目标。";
    static final String P2 = "省民政厅有关负责人介绍，社工站建设坚持政府主导、社会参与、专业服务原则，由县级民政部门统筹，采取政府购买服务方式引入专业社会服务机构运营。";
    static final String P3 = "目前全省社工站共配备驻站社会工作者3600余名，其中持证社会工作者占比超过六成，累计服务困难群众、留守老人和困境儿童等各类对象12万人次。";

    static final String H1 = "海南省民政厅日前召开专题会议，通报全省社工站建设进展：海口、三亚、五指山、琼海、陵水、琼中等6个市县的66个乡镇社工站已全部挂牌运营。";
    static final String H2 = "据了解，海南在推进社工站建设中注重因地制宜，在少数民族聚居地区配备懂黎语、苗语的本土社工，提高服务的可及性和亲和力。";
    static final String H3 = "各社工站围绕社会救助、养老服务、儿童关爱保护和社区治理四大领域开展服务，建立困难群众动态台账，上半年共走访特殊群体2.3万户。";

    @Autowired MockMvc mvc;
    @Autowired ArticleImporter importer;
    @Autowired AccountService accounts;
    @Autowired ColumnService columns;
    @Autowired JdbcClient jdbc;

    private ImportReport importLines(boolean skipSimilar, String... lines) throws Exception {
        byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        return importer.importJsonLines(new ByteArrayInputStream(bytes), n -> { }, skipSimilar);
    }

    private static String line(String id, String title, String... paragraphs) {
        return "{\"id\": \"" + id + "\", \"column\": \"行业动态\", \"title\": \"" + title + "\", \"body\": \""
                + String.join("\\n\\n", paragraphs) + "\", \"published_at\": \"2021-08-20T10:00:00+08:00\"}";
    }

    private long idOf(String externalId) {
        return jdbc.sql("SELECT id FROM article WHERE external_id = ?").param(externalId).query(Long.class).single();
    }

    private MockHttpSession login(boolean administrator) throws Exception {
        String name = "u" + System.nanoTime() % 100_000_000;
        accounts.create(name, "用户" + name, PASSWORD, administrator, administrator ? List.of()
                : List.of(new ColumnGrant(columns.bySlug("news").orElseThrow().id(), Role.CHIEF_EDITOR)));
        return (MockHttpSession) mvc.perform(post("/admin/login").param("username", name).param("password", PASSWORD)
                .with(csrf())).andReturn().getRequest().getSession();
    }

    private String page(MockHttpSession session, String url) throws Exception {
        return mvc.perform(get(url).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theImportReportsSimilarLinesAndCanSkipThem() throws Exception {
        ImportReport first = importLines(false, line("dup-a", "辽宁社工站全覆盖", P1, P2, P3),
                line("dup-b", "辽宁乡镇社工站全覆盖", P3, P1, P2));
        long a = idOf("dup-a");
        assertThat(first.created()).isEqualTo(2);
        assertThat(first.similarities()).extracting(Object::toString)
                .containsExactly("第 2 行: 与第 " + a + " 号文章相似（辽宁社工站全覆盖）");
        ImportReport skipping = importLines(true, line("dup-c", "辽宁社工站实现全覆盖", P2, P3, P1));
        assertThat(skipping.created()).isZero();
        assertThat(skipping.skipped()).isEqualTo(1);
        assertThat(skipping.similarities().get(0).toString()).startsWith("第 1 行: 与第 ").endsWith("，已跳过");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM article WHERE external_id = 'dup-c'").query(Long.class).single())
                .isZero();
        assertThat(skipping.toString()).contains("相似 1 (跳过 1)");
    }

    @Test
    void theEditorSeesTheSimilarArticleAndAdministratorsTheClusters() throws Exception {
        importLines(false, line("edit-a", "海南省社工站建设进展", H1, H2, H3));
        long existing = idOf("edit-a");
        MockHttpSession editor = login(false);
        String location = mvc.perform(post("/admin/articles").session(editor).with(csrf()).param("title", "海南省社工站建设进展")
                .param("primaryColumn", String.valueOf(columns.bySlug("news").orElseThrow().id())).param("kind", "NEWS")
                .param("body", "<p>" + H2 + "</p><p>" + H1 + "</p><p>" + H3 + "</p>").param("source", "本网"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String edit = page(editor, location);
        assertThat(edit).contains("可能重复", "href=\"/admin/articles/" + existing + "\"", "海南省社工站建设进展");

        mvc.perform(get("/admin/duplicates").session(editor)).andExpect(status().isForbidden());
        String report = page(login(true), "/admin/duplicates");
        assertThat(report).contains("<h1>相似文章</h1>", "篇相似", "href=\"/admin/articles/" + existing + "\"");
    }
}
