package org.shegong.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Back-office requests for the page tests: log in, read a page, post a form with the CSRF token. */
public record AdminPages(MockMvc mvc) {

    public MvcResult tryLogin(String username, String password) throws Exception {
        return mvc.perform(post("/admin/login").param("username", username).param("password", password).with(csrf()))
                .andReturn();
    }

    public MockHttpSession login(String username, String password) throws Exception {
        MvcResult result = tryLogin(username, password);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin");
        return (MockHttpSession) result.getRequest().getSession();
    }

    public String page(MockHttpSession session, String url, int status) throws Exception {
        return mvc.perform(get(url).session(session)).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    public MockHttpServletRequestBuilder send(MockHttpSession session, String url) {
        return post(url).session(session).with(csrf());
    }

    public String posted(MockHttpServletRequestBuilder request, int status) throws Exception {
        return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
