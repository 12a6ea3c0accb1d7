package org.shegong.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shegong.system.MutableClock;
import org.shegong.system.MutableClockConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Form login, throttling and lockout on a controllable clock, CSRF, session fixation, logout, password change. */
@Import(MutableClockConfig.class)
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:login;DB_CLOSE_DELAY=-1",
        "shegong.demo-content=false"})
@AutoConfigureMockMvc
class LoginTest {

    static final String PASSWORD = "correct-horse-7";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    String username;

    @BeforeEach
    void freshUser() {
        username = "editor" + System.nanoTime() % 1_000_000;
        accounts.create(username, "张编辑", PASSWORD, false, List.of());
    }

    private MvcResult login(String user, String password) throws Exception {
        return mvc.perform(post("/admin/login").param("username", user).param("password", password).with(csrf()))
                .andReturn();
    }

    /** The message the login page shows after a failed attempt. */
    private String failureMessage(MvcResult result) throws Exception {
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/login?error=1");
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession();
        String page = mvc.perform(get("/admin/login?error=1").session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        return page.replaceAll("(?s).*<p class=\"message error\" role=\"alert\">([^<]*)</p>.*", "$1");
    }

    @Test
    void theRightPasswordLogsInAndLandsOnTheDashboardWithANewSessionId() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();
        MvcResult result = mvc.perform(post("/admin/login").session(session).param("username", username)
                .param("password", PASSWORD).with(csrf())).andExpect(redirectedUrl("/admin")).andReturn();
        assertThat(result.getRequest().getSession().getId()).isNotEqualTo(before);

        MockHttpSession loggedIn = (MockHttpSession) result.getRequest().getSession();
        String dashboard = mvc.perform(get("/admin").session(loggedIn)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(dashboard).contains("张编辑", "工作台");
    }

    @Test
    void aWrongPasswordOrUnknownUserIsRefusedWithTheSameMessage() throws Exception {
        assertThat(failureMessage(login(username, "wrong-password-1"))).isEqualTo("用户名或密码错误");
        assertThat(failureMessage(login("nobody-here", "wrong-password-1"))).isEqualTo("用户名或密码错误");
    }

    @Test
    void repeatedFailuresSlowDownThatAddressButNeverLockTheAccount() throws Exception {
        int free = LoginThrottle.ACCOUNT_AT_ADDRESS.free();
        for (int i = 0; i < free; i++) {
            assertThat(failureMessage(login(username, "wrong-password-1"))).isEqualTo("用户名或密码错误");
        }
        // Now even the right password is refused unchecked until the delay has passed: no free guesses.
        assertThat(failureMessage(login(username, PASSWORD))).isEqualTo("登录尝试过于频繁，请 5 秒后再试");
        clock.advance(Duration.ofSeconds(5));
        assertThat(failureMessage(login(username, "wrong-password-1"))).isEqualTo("用户名或密码错误");
        // The delay doubles after each further failure.
        clock.advance(Duration.ofSeconds(5));
        assertThat(failureMessage(login(username, "wrong-password-1"))).isEqualTo("登录尝试过于频繁，请 5 秒后再试");
        clock.advance(Duration.ofSeconds(5));
        assertThat(failureMessage(login(username, "wrong-password-1"))).isEqualTo("用户名或密码错误");

        // The real user at another address is not locked out by someone failing on purpose.
        assertThat(mvc.perform(post("/admin/login").param("username", username).param("password", PASSWORD)
                .with(csrf()).with(request -> {
                    request.setRemoteAddr("192.0.2.44");
                    return request;
                })).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/admin");
        // And the guesser's address waits out its delay, then may try again.
        clock.advance(Duration.ofSeconds(20));
        assertThat(login(username, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/admin");
    }

    @Test
    void anUnknownNameIsSlowedDownWithExactlyTheSameWords() throws Exception {
        String unknown = "nobody" + System.nanoTime() % 1_000_000;
        for (int i = 0; i < LoginThrottle.ACCOUNT_AT_ADDRESS.free(); i++) {
            assertThat(failureMessage(login(unknown, "wrong-password-1"))).isEqualTo("用户名或密码错误");
            assertThat(failureMessage(login(username, "wrong-password-1"))).isEqualTo("用户名或密码错误");
        }
        assertThat(failureMessage(login(unknown, "wrong-password-1")))
                .isEqualTo(failureMessage(login(username, "wrong-password-1")))
                .isEqualTo("登录尝试过于频繁，请 5 秒后再试");
        clock.advance(Duration.ofSeconds(5));
    }

    @Test
    void aSuccessfulLoginForgetsEarlierFailures() throws Exception {
        login(username, "wrong-password-1");
        login(username, "wrong-password-1");
        assertThat(login(username, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/admin");
        for (int i = 0; i < LoginThrottle.ACCOUNT_AT_ADDRESS.free(); i++) {
            assertThat(failureMessage(login(username, "wrong-password-1"))).isEqualTo("用户名或密码错误");
        }
    }

    @Test
    void aPostWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/admin/login").param("username", username).param("password", PASSWORD))
                .andExpect(status().isForbidden());
        MockHttpSession session = loggedInSession();
        mvc.perform(post("/admin/password").session(session).param("oldPassword", PASSWORD)
                .param("newPassword", "another-pass-9").param("confirmPassword", "another-pass-9"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/logout").session(session)).andExpect(status().isForbidden());
    }

    @Test
    void theBackOfficeNeedsALoginButThePublicSiteDoesNot() throws Exception {
        mvc.perform(get("/admin")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/admin/login")));
        mvc.perform(get("/admin/articles")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/")).andExpect(status().isOk());
        mvc.perform(get("/admin/login")).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("frame-ancestors 'self'"),
                                org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("unsafe-inline")))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
    }

    @Test
    void logoutIsAPostThatEndsTheSession() throws Exception {
        MockHttpSession session = loggedInSession();
        mvc.perform(post("/admin/logout").session(session).with(csrf()))
                .andExpect(redirectedUrl("/admin/login?logout=1"));
        assertThat(session.isInvalid()).isTrue();
        mvc.perform(get("/admin").session(new MockHttpSession())).andExpect(status().is3xxRedirection());
    }

    @Test
    void aPasswordChangeNeedsTheOldPasswordAndAStrongNewOne() throws Exception {
        MockHttpSession session = loggedInSession();
        assertThat(changePassword(session, "not-the-old-1", "brand-new-pass-2", "brand-new-pass-2"))
                .contains("原密码不正确");
        assertThat(changePassword(session, PASSWORD, "short1", "short1")).contains("密码至少需要 10 个字符");
        assertThat(changePassword(session, PASSWORD, "onlyletterslong", "onlyletterslong")).contains("至少两类");
        assertThat(changePassword(session, PASSWORD, "brand-new-pass-2", "brand-new-pass-3")).contains("不一致");

        mvc.perform(post("/admin/password").session(session).with(csrf()).param("oldPassword", PASSWORD)
                .param("newPassword", "brand-new-pass-2").param("confirmPassword", "brand-new-pass-2"))
                .andExpect(redirectedUrl("/admin/password?changed=1"));
        assertThat(login(username, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/admin/login?error=1");
        assertThat(login(username, "brand-new-pass-2").getResponse().getRedirectedUrl()).isEqualTo("/admin");
    }

    @Test
    void aChangedPasswordEndsTheAccountsOtherSessionsButNotTheOneThatChangedIt() throws Exception {
        MockHttpSession mine = loggedInSession();
        MockHttpSession other = loggedInSession(); // e.g. a browser left open on another desk
        clock.advance(Duration.ofSeconds(1)); // MariaDB keeps whole seconds
        mvc.perform(post("/admin/password").session(mine).with(csrf()).param("oldPassword", PASSWORD)
                .param("newPassword", "brand-new-pass-2").param("confirmPassword", "brand-new-pass-2"))
                .andExpect(redirectedUrl("/admin/password?changed=1"));

        mvc.perform(get("/admin").session(mine)).andExpect(status().isOk());
        mvc.perform(get("/admin").session(other)).andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/admin/login?ended=1"));
        assertThat(other.isInvalid()).isTrue();
        String page = mvc.perform(get("/admin/login?ended=1")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("该账户的密码已更改或账户已停用，请重新登录");
    }

    @Test
    void aResetPasswordOrADisabledAccountEndsItsSessions() throws Exception {
        MockHttpSession reset = loggedInSession();
        clock.advance(Duration.ofSeconds(1));
        accounts.resetPassword(username);
        mvc.perform(post("/admin/password").session(reset).with(csrf()).param("oldPassword", PASSWORD)
                .param("newPassword", "brand-new-pass-2").param("confirmPassword", "brand-new-pass-2"))
                .andExpect(redirectedUrl("/admin/login?ended=1"));

        String fresh = "editor" + System.nanoTime() % 1_000_000;
        long id = accounts.create(fresh, "李编辑", PASSWORD, false, List.of());
        MockHttpSession disabled = (MockHttpSession) login(fresh, PASSWORD).getRequest().getSession();
        mvc.perform(get("/admin").session(disabled)).andExpect(status().isOk());
        jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE id = ?").param(id).update();
        mvc.perform(get("/admin").session(disabled)).andExpect(redirectedUrl("/admin/login?ended=1"));
    }

    private String changePassword(MockHttpSession session, String old, String fresh, String confirm) throws Exception {
        return mvc.perform(post("/admin/password").session(session).with(csrf()).param("oldPassword", old)
                .param("newPassword", fresh).param("confirmPassword", confirm)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpSession loggedInSession() throws Exception {
        return (MockHttpSession) login(username, PASSWORD).getRequest().getSession();
    }

    @org.springframework.beans.factory.annotation.Value("${server.servlet.session.timeout}")
    Duration sessionTimeout;

    @Test
    void backOfficeSessionsTimeOutAfterThirtyIdleMinutesByDefault() {
        assertThat(sessionTimeout).isEqualTo(Duration.ofMinutes(30));
    }
}
