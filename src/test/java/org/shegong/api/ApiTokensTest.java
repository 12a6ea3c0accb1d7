package org.shegong.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.shegong.account.AccountRepository;
import org.shegong.account.Role;
import org.shegong.admin.AdminPages;
import org.shegong.api.token.ApiToken;
import org.shegong.api.token.ApiTokenRepository;
import org.shegong.api.token.TokenSecrets;
import org.shegong.system.Times;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Token lifecycle through the 访问令牌 page and the API: the secret shown once and stored only as a hash, the
 * creator's limits (role, columns, expiry), expiry, revocation (by the owner, by an administrator, not by another
 * person), a disabled owner, audit lines, and that a back-office session cookie authenticates nothing in the API.
 */
class ApiTokensTest extends WriteApiTestBase {

    private static final Pattern SECRET = Pattern.compile("sgp_[A-Za-z0-9_-]{43}");

    @Autowired AccountRepository accountRows;
    @Autowired ApiTokenRepository tokens;

    private MockHttpSession login(long userId) throws Exception {
        return new AdminPages(mvc).login(accounts.find(userId).orElseThrow().username(), PASSWORD);
    }

    private MvcResult createOnPage(MockHttpSession session, String name, Role role, LocalDate until, long... columnIds)
            throws Exception {
        var request = post("/admin/tokens").session(session).with(csrf()).param("name", name).param("role", role.name())
                .param("expiresOn", until.toString());
        for (long column : columnIds) {
            request.param("columnIds", Long.toString(column));
        }
        return mvc.perform(request).andReturn();
    }

    private LocalDate today() {
        return clock.instant().atZone(Times.CHINA).toLocalDate();
    }

    private int audited(String code, long actorId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND actor_id = ?").params(code, actorId)
                .query(Integer.class).single();
    }

    @Test
    void theSecretIsShownOnceStoredAsAHashAndWorksUntilRevoked() throws Exception {
        long editor = person("陈编辑", false, Role.EDITOR, news);
        MockHttpSession session = login(editor);
        AdminPages pages = new AdminPages(mvc);
        assertThat(pages.page(session, "/admin", 200)).contains("href=\"/admin/tokens\"");
        assertThat(pages.page(session, "/admin/tokens", 200)).contains("创建令牌").contains("还没有令牌");

        MvcResult created = createOnPage(session, "县社工站系统", Role.EDITOR, today().plusDays(90), news);
        assertThat(created.getResponse().getStatus()).isEqualTo(200);
        assertThat(created.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
        String page = created.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        Matcher found = SECRET.matcher(page);
        assertThat(found.find()).isTrue();
        String secret = found.group();
        ApiToken token = tokens.byHash(TokenSecrets.hash(secret)).orElseThrow();
        assertThat(token.ownerId()).isEqualTo(editor);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE secret_hash LIKE ? OR hint LIKE ?")
                .params("%" + secret.substring(8) + "%", "%" + secret.substring(8) + "%").query(Integer.class).single())
                .as("the secret itself is stored nowhere").isZero();
        String listed = pages.page(session, "/admin/tokens", 200);
        assertThat(listed).doesNotContain(secret).contains(token.hint()).contains("县社工站系统").contains("从未使用");
        assertThat(audited("api-token-create", editor)).isEqualTo(1);

        expect(json("GET", "/api/v1/drafts/987654321", secret, null), 404);
        assertThat(tokens.find(token.id()).orElseThrow().lastUsedAt()).isNotNull();

        // Someone else cannot revoke it (not found); its owner can, and it stops at once.
        MockHttpSession stranger = login(person("外人", false, Role.EDITOR, news));
        assertThat(mvc.perform(post("/admin/tokens/" + token.id() + "/revoke").session(stranger).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        expect(json("GET", "/api/v1/drafts/987654321", secret, null), 404);
        assertThat(mvc.perform(post("/admin/tokens/" + token.id() + "/revoke").session(session).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/admin/tokens?revoked=1");
        HttpResponse<String> refused = json("GET", "/api/v1/drafts/987654321", secret, null);
        expect(refused, 401);
        assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
        assertThat(refused.body()).contains("已吊销");
        assertThat(audited("api-token-revoke", editor)).isEqualTo(1);
        assertThat(pages.page(session, "/admin/tokens", 200)).contains("已吊销");
    }

    @Test
    void aTokenCannotExceedItsCreatorAndMustExpireWithinAYear() throws Exception {
        long editor = person("林编辑", false, Role.EDITOR, news);
        MockHttpSession session = login(editor);
        for (MvcResult refused : List.of(createOnPage(session, "高于自己", Role.CHIEF_EDITOR, today().plusDays(30), news),
                createOnPage(session, "别的栏目", Role.CONTRIBUTOR, today().plusDays(30), news, policy),
                createOnPage(session, "太久", Role.EDITOR, today().plusDays(400), news),
                createOnPage(session, "已过去", Role.EDITOR, today().minusDays(1), news),
                createOnPage(session, "无栏目", Role.EDITOR, today().plusDays(30)),
                createOnPage(session, "", Role.EDITOR, today().plusDays(30), news))) {
            assertThat(refused.getResponse().getStatus()).isIn(400, 403);
            assertThat(SECRET.matcher(refused.getResponse().getContentAsString()).find()).isFalse();
        }
        assertThat(tokens.ofOwner(editor, 10)).isEmpty();
        assertThat(audited("api-token-create", editor)).isZero();
        // No grants at all: no token page.
        MockHttpSession nobody = login(person("无权限", false, Role.EDITOR));
        assertThat(new AdminPages(mvc).page(nobody, "/admin/tokens", 403)).contains("撰写或处理稿件");
    }

    @Test
    void expiredTokensAndDisabledOwnersAreRefused() {
        long owner = person("何", false, Role.CONTRIBUTOR, news);
        String secret = token(owner, Role.CONTRIBUTOR, news); // valid 30 days
        expect(json("GET", "/api/v1/drafts/987654321", secret, null), 404);
        clock.advance(Duration.ofDays(31));
        assertThat(json("GET", "/api/v1/drafts/987654321", secret, null).body()).contains("已过期");
        clock.set(org.shegong.system.MutableClockConfig.START);
        expect(json("GET", "/api/v1/drafts/987654321", secret, null), 404);
        accountRows.setEnabled(owner, false);
        HttpResponse<String> disabled = json("POST", "/api/v1/drafts", secret, draft("停用后", "news"));
        expect(disabled, 401);
        assertThat(disabled.body()).contains("停用");
        accountRows.setEnabled(owner, true);
        expect(json("GET", "/api/v1/drafts/987654321", secret, null), 404);
        assertThat(countTitled("停用后")).isZero();
    }

    @Test
    void missingOrForeignCredentialsAreA401AndASessionCookieIsNotOne() throws Exception {
        for (String header : new String[] {null, "Bearer", "Bearer sgp_short", "Basic YWRtaW46YWRtaW4=",
                "Bearer " + TokenSecrets.generate()}) {
            HttpResponse<String> answer = call("POST", "/api/v1/drafts",
                    null, "application/json", draft("无令牌", "news").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    header == null ? new String[0] : new String[] {"Authorization", header});
            expect(answer, 401);
            assertThat(answer.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer realm=")
                    .matches(value -> header == null != value.contains("invalid_token"), "error code only with a token");
        }
        long administrator = person("管理员", true, Role.EDITOR);
        MockHttpSession session = login(administrator);
        int status = mvc.perform(post("/api/v1/drafts").session(session).with(csrf())
                .contentType("application/json").content(draft("凭会话", "news"))).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(401);
        assertThat(countTitled("无令牌") + countTitled("凭会话")).isZero();
    }

    @Test
    void administratorsSeeAndRevokeEveryonesTokens() throws Exception {
        long owner = person("许", false, Role.CONTRIBUTOR, news);
        String secret = token(owner, Role.CONTRIBUTOR, news);
        ApiToken token = tokens.byHash(TokenSecrets.hash(secret)).orElseThrow();
        long administrator = person("系统管理员", true, Role.EDITOR);
        MockHttpSession session = login(administrator);
        assertThat(new AdminPages(mvc).page(session, "/admin/tokens", 200)).contains("全部令牌").contains("许（");
        mvc.perform(post("/admin/tokens/" + token.id() + "/revoke").session(session).with(csrf()));
        expect(json("GET", "/api/v1/drafts/987654321", secret, null), 401);
        assertThat(audited("api-token-revoke", administrator)).isEqualTo(1);
        assertThat(tokens.find(token.id()).orElseThrow().revokedBy()).contains("系统管理员");
    }
}
