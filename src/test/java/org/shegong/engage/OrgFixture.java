package org.shegong.engage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shegong.account.AccountService;
import org.shegong.account.ColumnGrant;
import org.shegong.account.Role;
import org.shegong.column.ColumnService;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The steps the organisation tests share: register, verify by the mailed link, log in; staff logins; pages. */
final class OrgFixture {

    static final String PASSWORD = "pass-word-12345";
    static final Pattern LINK = Pattern.compile("https://www\\.example\\.org\\.cn(/org/[a-z]+/[A-Za-z0-9_-]{43})");

    private final MockMvc mvc;
    private final GreenMailExtension smtp;
    private final AccountService accounts;
    private final ColumnService columns;

    OrgFixture(MockMvc mvc, GreenMailExtension smtp, AccountService accounts, ColumnService columns) {
        this.mvc = mvc;
        this.smtp = smtp;
        this.accounts = accounts;
        this.columns = columns;
    }

    MockHttpSession registerAndLogin(String name, String email) throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        mvc.perform(post("/org/register").with(csrf()).with(r -> {
            r.setRemoteAddr("10.7.0." + (Math.abs(email.hashCode()) % 250 + 1));
            return r;
        }).param("name", name).param("contactPerson", "李社工").param("email", email).param("phone", "13800138000")
                .param("password", PASSWORD).param("website", "")).andExpect(status().isOk());
        String link = mailedLink(email);
        assertThat(page(null, link, 200)).contains("验证邮箱");
        mvc.perform(post(link).with(csrf())).andExpect(status().isOk());
        return login(email, PASSWORD);
    }

    MockHttpSession login(String email, String password) throws Exception {
        MvcResult login = mvc.perform(post("/org/login").with(csrf()).param("email", email)
                .param("password", password)).andReturn();
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/org/submissions");
        return (MockHttpSession) login.getRequest().getSession();
    }

    /** The one mail received since the last purge went to {@code email}; its link's path. */
    String mailedLink(String email) throws Exception {
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(email);
        Matcher link = LINK.matcher(SubmissionPagesTest.text(received[0]));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    MockHttpSession staff(Role role) throws Exception {
        long news = columns.bySlug("news").orElseThrow().id();
        String username = "staff" + System.nanoTime() % 100_000_000;
        accounts.create(username, "编辑" + username, PASSWORD, false, List.of(new ColumnGrant(news, role)));
        MvcResult login = mvc.perform(post("/admin/login").param("username", username).param("password", PASSWORD)
                .with(csrf())).andReturn();
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/admin");
        return (MockHttpSession) login.getRequest().getSession();
    }

    void act(MockHttpSession session, long id, String action, String comment) throws Exception {
        mvc.perform(post("/admin/articles/" + id + "/" + action).session(session).with(csrf()).param("comment", comment))
                .andExpect(status().is3xxRedirection());
    }

    String page(MockHttpSession session, String url, int expected) throws Exception {
        var request = get(url);
        if (session != null) {
            request = request.session(session);
        }
        return mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
