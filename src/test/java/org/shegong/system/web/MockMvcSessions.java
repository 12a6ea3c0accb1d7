package org.shegong.system.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.web.util.WebUtils;

/**
 * Sessions live in the database (Spring Session JDBC), found by the session cookie. MockMvc keeps no cookies: its
 * tests pass a {@code MockHttpSession} from request to request instead. For those requests, and only those, the
 * session's id travels in that MockHttpSession, the way a browser's cookie would carry it: set when the database
 * session is created or its id changes (the id of the MockHttpSession changes with it), the MockHttpSession
 * invalidated when the session ends. Real HTTP requests (tests on a port, browsers) go by the cookie as in
 * production. Registered for every test context in {@code META-INF/spring.factories}.
 */
public final class MockMvcSessions implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        return new Customizer();
    }

    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            ConfigurableListableBeanFactory beans = context.getBeanFactory();
            beans.addBeanPostProcessor(new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof SessionRepositoryFilter<?> filter) {
                        CookieHttpSessionIdResolver cookies = new CookieHttpSessionIdResolver();
                        beans.getBeanProvider(CookieSerializer.class).ifAvailable(cookies::setCookieSerializer);
                        filter.setHttpSessionIdResolver(new MockRequestSessionIds(cookies));
                    }
                    return bean;
                }
            });
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }

    /** The session id from a MockMvc request's MockHttpSession, else from the cookie. */
    static final class MockRequestSessionIds implements HttpSessionIdResolver {

        static final String ID = MockRequestSessionIds.class.getName() + ".id";

        private final HttpSessionIdResolver cookies;

        MockRequestSessionIds(HttpSessionIdResolver cookies) {
            this.cookies = cookies;
        }

        @Override
        public List<String> resolveSessionIds(HttpServletRequest request) {
            MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
            HttpSession held = mock == null ? null : mock.getSession(false);
            Object id = held == null ? null : held.getAttribute(ID);
            return id != null ? List.of((String) id) : cookies.resolveSessionIds(request);
        }

        @Override
        public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
            MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
            if (mock != null) {
                HttpSession held = mock.getSession(true);
                if (!sessionId.equals(held.getAttribute(ID))) {
                    mock.changeSessionId(); // a new or changed session id, as the cookie would change
                }
                held.setAttribute(ID, sessionId);
            }
            cookies.setSessionId(request, response, sessionId);
        }

        @Override
        public void expireSession(HttpServletRequest request, HttpServletResponse response) {
            MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
            HttpSession held = mock == null ? null : mock.getSession(false);
            if (held != null) {
                held.invalidate();
            }
            cookies.expireSession(request, response);
        }
    }
}
