package org.shegong.column;

import org.shegong.admin.AdminPages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shegong.account.AccountService;
import org.shegong.account.Actor;
import org.shegong.system.audit.AuditCode;
import org.shegong.system.audit.AuditLog;
import org.shegong.system.web.Refusal;
import org.springframework.dao.DataAccessException;
import org.shegong.account.ColumnGrant;
import org.shegong.account.Role;
import org.shegong.column.ReviewLevels;
import org.shegong.column.Column;
import org.shegong.column.ColumnService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Column management through HTTP: administrators only, CSRF, validation messages, audit, the tree follows. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:backoffice;DB_CLOSE_DELAY=-1",
        "shegong.workflow.schedule-initial-delay=1h"}) // the same context as BackOfficePagesTest
@AutoConfigureMockMvc
class ColumnsPagesTest {

    static final String PASSWORD = "pass-word-12345";

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired ColumnService columns;
    @Autowired ReviewLevels reviewLevels;

    AdminPages pages;

    @BeforeEach
    void pages() {
        pages = new AdminPages(mvc);
    }

    private MockHttpSession login(String username, boolean administrator, List<ColumnGrant> grants) throws Exception {
        accounts.create(username, "用户" + username, PASSWORD, administrator, grants);
        return pages.login(username, PASSWORD);
    }

    private Column cached(String slug, java.util.function.Predicate<Column> until) throws InterruptedException {
        BooleanSupplier ready = () -> columns.bySlug(slug).filter(until).isPresent();
        for (int i = 0; i < 100 && !ready.getAsBoolean(); i++) {
            Thread.sleep(50); // the outbox relay polls every 200 ms
        }
        return columns.bySlug(slug).filter(until).orElseThrow(() -> new AssertionError("tree did not follow " + slug));
    }

    @Test
    void onlyAdministratorsManageColumnsAndEveryPostNeedsTheToken() throws Exception {
        long news = columns.bySlug("news").orElseThrow().id();
        MockHttpSession chief = login("colchief", false, List.of(new ColumnGrant(news, Role.CHIEF_EDITOR)));
        MockHttpSession admin = login("coladmin", true, List.of());
        pages.page(chief, "/admin/columns", 403);
        pages.posted(pages.send(chief, "/admin/columns").param("slug", "tst-chief").param("name", "越权"), 403);
        pages.posted(post("/admin/columns").session(admin).param("slug", "tst-nocsrf").param("name", "无令牌"), 403);
        pages.posted(post("/admin/columns/" + news + "/visibility").session(admin).param("visible", "false"), 403);
        assertThat(columns.bySlug("tst-chief")).isEmpty();
        assertThat(pages.page(admin, "/admin/columns", 200)).contains("栏目管理", "行业动态", "新增栏目")
                .doesNotContain("tst-nocsrf");
    }

    @Test
    void anAdministratorAddsRenamesMovesReordersHidesAndSetsReviewLevelsAndEachIsAudited() throws Exception {
        MockHttpSession admin = login("coladmin2", true, List.of());
        long news = columns.bySlug("news").orElseThrow().id();

        String refused = pages.posted(pages.send(admin, "/admin/columns").param("parent", String.valueOf(news))
                .param("slug", "Bad Slug").param("name", "基层社工站"), 400);
        assertThat(refused).contains("栏目标识只能由小写字母", "value=\"基层社工站\"", "value=\"Bad Slug\"");
        assertThat(pages.posted(pages.send(admin, "/admin/columns").param("slug", "news").param("name", "重复"), 400))
                .contains("栏目标识“news”已被其他栏目使用");

        pages.posted(pages.send(admin, "/admin/columns").param("parent", String.valueOf(news)).param("slug", "tst-station")
                .param("name", "基层社工站").param("description", "<b>说明</b>"), 302);
        long id = cached("tst-station", c -> true).id();
        assertThat(columns.byId(id).orElseThrow().parentId()).isEqualTo(news);
        assertThat(pages.page(admin, "/admin/columns", 200)).contains("　└ 基层社工站", "tst-station");
        assertThat(pages.page(admin, "/admin/columns/" + id, 200)).contains("修改栏目：基层社工站", "&lt;b&gt;说明&lt;/b&gt;")
                .doesNotContain("<b>说明</b>");

        pages.posted(pages.send(admin, "/admin/columns/" + id).param("slug", "tst-stations").param("name", "社工站")
                .param("description", ""), 302);
        cached("tst-stations", c -> c.name().equals("社工站"));
        assertThat(pages.posted(pages.send(admin, "/admin/columns/" + news + "/move").param("parent", String.valueOf(id)), 400))
                .contains("不能把栏目移到它自己或它的下级栏目之下");
        pages.posted(pages.send(admin, "/admin/columns/" + id + "/move").param("parent", ""), 302);
        cached("tst-stations", c -> c.parentId() == null);
        assertThat(columns.navigation()).extracting(Column::slug).endsWith("tst-stations");
        pages.posted(pages.send(admin, "/admin/columns/" + id + "/up"), 302);
        cached("tst-stations", c -> columns.navigation().indexOf(c) == columns.navigation().size() - 2);
        pages.posted(pages.send(admin, "/admin/columns/" + id + "/visibility").param("visible", "false"), 302);
        cached("tst-stations", c -> !c.visible());
        assertThat(columns.navigation()).extracting(Column::slug).doesNotContain("tst-stations");

        pages.posted(pages.send(admin, "/admin/columns/" + id + "/review-levels").param("levels", "1"), 302);
        assertThat(reviewLevels.of(id)).isEqualTo(1);
        assertThat(pages.posted(pages.send(admin, "/admin/columns/" + id + "/review-levels").param("levels", "4"), 400))
                .contains("审核级数只能是 1 到 3");
        assertThat(reviewLevels.of(id)).isEqualTo(1);
        assertThat(reviewLevels.rules(id).oneLevelPerPerson()).as("on by default").isTrue();
        assertThat(pages.page(admin, "/admin/columns/" + id, 200)).contains("每级须由不同的人审核（推荐）");
        pages.posted(pages.send(admin, "/admin/columns/" + id + "/review-levels").param("levels", "2")
                .param("separation", "off"), 302);
        assertThat(reviewLevels.rules(id)).isEqualTo(new org.shegong.column.ReviewRules(2, false));
        pages.posted(pages.send(admin, "/admin/columns/" + id + "/review-levels").param("levels", "2")
                .param("separation", "maybe"), 400);
        pages.posted(pages.send(admin, "/admin/columns/" + id + "/review-levels").param("levels", "1")
                .param("separation", "on"), 302);
        assertThat(reviewLevels.rules(id)).isEqualTo(new org.shegong.column.ReviewRules(1, true));
        pages.page(admin, "/admin/columns/999999", 404);
        pages.posted(pages.send(admin, "/admin/columns/999999/visibility").param("visible", "true"), 404);

        String log = pages.page(admin, "/admin/audit?user=coladmin2", 200);
        assertThat(log).contains("新增栏目", "修改栏目", "移动栏目", "调整栏目顺序", "显示或隐藏栏目", "设置审核级数",
                "“基层社工站”改为“社工站”", "：3 级改为 1 级");
    }

    @Autowired AddColumnAction addColumn;
    @Autowired ReviewLevelsAction setReviewLevels;
    @Autowired ColumnAdminService stored;
    @Autowired AuditLog audit;

    private boolean stored(String slug) {
        return stored.current().stream().anyMatch(c -> c.slug().equals(slug));
    }

    /** The action checks the policy itself: reaching it by another path than the page changes nothing. */
    @Test
    void theActionsRefuseSomeoneTheRouteWouldRefuseAndWriteNothing() {
        long news = columns.bySlug("news").orElseThrow().id();
        Actor chief = new Actor(987_601L, "终审（chief）", false, List.of(new ColumnGrant(news, Role.CHIEF_EDITOR)),
                "127.0.0.1");
        assertThatThrownBy(() -> addColumn.add(chief, null, "tst-act-chief", "越权", ""))
                .isInstanceOf(Refusal.class).hasMessage("您没有管理栏目的权限");
        assertThatThrownBy(() -> setReviewLevels.set(chief, news, 1, null)).isInstanceOf(Refusal.class);
        assertThat(reviewLevels.of(news)).isEqualTo(ReviewLevels.DEFAULT);
        assertThat(stored("tst-act-chief")).isFalse();
        assertThat(audit.latest(987_601L, null, 10)).isEmpty();
    }

    /** Check, change and audit commit together: when the audit entry cannot be written, the column is not added. */
    @Test
    void aChangeWhoseAuditEntryFailsIsRolledBack() {
        Actor nameTooLong = new Actor(987_602L, "管".repeat(150), true, List.of(), "127.0.0.1"); // actor_name: 100
        assertThatThrownBy(() -> addColumn.add(nameTooLong, null, "tst-act-unaudited", "无审计", ""))
                .isInstanceOf(DataAccessException.class);
        assertThat(stored("tst-act-unaudited")).isFalse();

        long id = addColumn.add(new Actor(987_602L, "管理员（act）", true, List.of(), "127.0.0.1"), null,
                "tst-act-audited", "有审计", "");
        assertThat(stored("tst-act-audited")).isTrue();
        assertThat(audit.latest(987_602L, AuditCode.COLUMN_ADD, 5)).singleElement().satisfies(e -> {
            assertThat(e.comment()).isEqualTo("栏目 #" + id + " “有审计”（tst-act-audited）");
            assertThat(e.actionLabel()).isEqualTo("新增栏目");
        });
    }
}
