package org.shegong.account;

import org.shegong.admin.AdminPages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shegong.account.LoginThrottle;
import org.shegong.account.AccountRepository;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** User management through HTTP: administrators only, passwords shown once, grants, locks, audit. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:backoffice;DB_CLOSE_DELAY=-1",
        "shegong.workflow.schedule-initial-delay=1h"}) // the same context as BackOfficePagesTest
@AutoConfigureMockMvc
class UsersPagesTest {

    static final String PASSWORD = "pass-word-12345";
    static final Pattern SHOWN = Pattern.compile("<code class=\"password\">([^<]+)</code>");

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired AccountRepository repository;
    @Autowired ColumnService columns;
    @Autowired Clock clock;

    AdminPages pages;

    @BeforeEach
    void pages() {
        pages = new AdminPages(mvc);
    }

    private static String shownPassword(String html) {
        Matcher m = SHOWN.matcher(html);
        assertThat(m.find()).as("a password is shown").isTrue();
        return m.group(1);
    }

    @Test
    void onlyAdministratorsManageUsersAndEveryPostNeedsTheToken() throws Exception {
        long news = columns.bySlug("news").orElseThrow().id();
        accounts.create("userchief", "终审", PASSWORD, false, List.of(new ColumnGrant(news, Role.CHIEF_EDITOR)));
        accounts.create("useradmin", "管理员", PASSWORD, true, List.of());
        MockHttpSession chief = pages.login("userchief", PASSWORD);
        MockHttpSession admin = pages.login("useradmin", PASSWORD);
        pages.page(chief, "/admin/users", 403);
        pages.posted(pages.send(chief, "/admin/users").param("username", "sneaky").param("displayName", "越权"), 403);
        pages.posted(post("/admin/users").session(admin).param("username", "nocsrf").param("displayName", "无令牌"), 403);
        assertThat(accounts.findByUsername("sneaky")).isEmpty();
        assertThat(accounts.findByUsername("nocsrf")).isEmpty();
        assertThat(pages.page(admin, "/admin/users", 200)).contains("用户管理", "userchief", "行业动态·终审");
    }

    @Test
    void anAdministratorCreatesGrantsLocksUnlocksDisablesAndResetsAndEachIsAudited() throws Exception {
        accounts.create("useradmin2", "管理员二", PASSWORD, true, List.of());
        MockHttpSession admin = pages.login("useradmin2", PASSWORD);
        long me = accounts.findByUsername("useradmin2").orElseThrow().id();
        long news = columns.bySlug("news").orElseThrow().id();

        assertThat(pages.posted(pages.send(admin, "/admin/users").param("username", "坏 名字").param("displayName", "张三"), 400))
                .contains("用户名须为 2 到 64 个字母", "value=\"张三\"");
        String created = pages.posted(pages.send(admin, "/admin/users").param("username", "Zhang.San")
                .param("displayName", "张三<b>"), 200);
        assertThat(created).contains("账户已创建", "zhang.san", "只显示这一次", "张三&lt;b&gt;");
        String initial = shownPassword(created);
        long id = accounts.findByUsername("zhang.san").orElseThrow().id();
        assertThat(repository.passwordHash(id).orElseThrow()).startsWith("{argon2}").doesNotContain(initial);
        assertThat(pages.posted(pages.send(admin, "/admin/users").param("username", "zhang.san").param("displayName", "重名"), 400))
                .contains("用户名 zhang.san 已被使用");
        String detail = pages.page(admin, "/admin/users/" + id, 200);
        assertThat(detail).contains("张三&lt;b&gt;（zhang.san）").doesNotContain(initial, "class=\"password\"");
        pages.login("zhang.san", initial);

        pages.posted(pages.send(admin, "/admin/users/" + id + "/grants").param("column", String.valueOf(news))
                .param("role", "EDITOR"), 302);
        assertThat(accounts.grants(id)).containsExactly(new ColumnGrant(news, Role.EDITOR));
        assertThat(pages.page(admin, "/admin/users/" + id, 200)).contains("行业动态", "初审/采编", "收回");
        pages.posted(pages.send(admin, "/admin/users/" + id + "/grants").param("column", String.valueOf(news))
                .param("role", "ADMINISTRATOR"), 400);
        pages.posted(pages.send(admin, "/admin/users/" + id + "/grants").param("column", String.valueOf(news))
                .param("role", "KING"), 400);
        pages.posted(pages.send(admin, "/admin/users/" + id + "/grants").param("column", "999999").param("role", "EDITOR"), 400);
        pages.posted(pages.send(admin, "/admin/users/" + id + "/grants/revoke").param("column", String.valueOf(news))
                .param("role", "EDITOR"), 302);
        assertThat(accounts.grants(id)).isEmpty();

        for (int i = 0; i < LoginThrottle.ACCOUNT_AT_ADDRESS.free(); i++) {
            pages.tryLogin("zhang.san", "wrong-password-9");
        }
        assertThat(pages.page(admin, "/admin/users/" + id, 200)).contains("解除登录限制");
        assertThat(pages.tryLogin("zhang.san", initial).getResponse().getRedirectedUrl()).isNotEqualTo("/admin");
        pages.posted(pages.send(admin, "/admin/users/" + id + "/unlock"), 302);
        pages.login("zhang.san", initial);

        pages.posted(pages.send(admin, "/admin/users/" + id + "/enabled").param("enabled", "false"), 302);
        assertThat(pages.page(admin, "/admin/users", 200)).contains("已停用");
        assertThat(pages.tryLogin("zhang.san", initial).getResponse().getRedirectedUrl()).isNotEqualTo("/admin");
        pages.posted(pages.send(admin, "/admin/users/" + id + "/enabled").param("enabled", "true"), 302);
        assertThat(pages.posted(pages.send(admin, "/admin/users/" + me + "/enabled").param("enabled", "false"), 400))
                .contains("不能停用自己的账户");

        String reset = pages.posted(pages.send(admin, "/admin/users/" + id + "/password"), 200);
        assertThat(reset).contains("密码已重置");
        String fresh = shownPassword(reset);
        assertThat(fresh).isNotEqualTo(initial);
        assertThat(pages.tryLogin("zhang.san", initial).getResponse().getRedirectedUrl()).isNotEqualTo("/admin");
        pages.login("zhang.san", fresh);
        pages.page(admin, "/admin/users/999999", 404);
        pages.posted(pages.send(admin, "/admin/users/999999/unlock"), 404);

        assertThat(pages.page(admin, "/admin/audit?user=useradmin2", 200)).contains("新建账户", "授予栏目角色", "收回栏目角色",
                "解除锁定", "启用或停用账户", "重置密码", "账户 zhang.san：行业动态 · 初审/采编", "账户 zhang.san：停用")
                .doesNotContain(initial, fresh);
    }

    @Autowired CreateAccountAction createAccount;
    @Autowired GrantColumnRoleAction grantRole;
    @Autowired org.shegong.system.audit.AuditLog audit;

    /** The actions check the policy themselves, and an account whose creation cannot be audited is not created. */
    @Test
    void accountActionsCheckThemselvesAndCommitWithTheirAuditEntry() {
        long news = columns.bySlug("news").orElseThrow().id();
        Actor chief = new Actor(987_611L, "终审（chief）", false, List.of(new ColumnGrant(news, Role.CHIEF_EDITOR)),
                "127.0.0.1");
        assertThatThrownBy(() -> createAccount.create(chief, "act.by.chief", "越权", true))
                .isInstanceOf(org.shegong.system.web.Refusal.class).hasMessage("您没有管理用户和栏目授权的权限");
        assertThatThrownBy(() -> grantRole.grant(chief, 987_611L, news, Role.CHIEF_EDITOR))
                .isInstanceOf(org.shegong.system.web.Refusal.class);
        assertThat(accounts.findByUsername("act.by.chief")).isEmpty();

        Actor nameTooLong = new Actor(987_612L, "管".repeat(150), true, List.of(), "127.0.0.1");
        assertThatThrownBy(() -> createAccount.create(nameTooLong, "act.unaudited", "无审计", false))
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThat(accounts.findByUsername("act.unaudited")).isEmpty();
        assertThat(audit.latest(987_611L, null, 10)).isEmpty();
    }
}
