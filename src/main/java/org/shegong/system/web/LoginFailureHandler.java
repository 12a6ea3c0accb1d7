package org.shegong.system.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * After a failed back-office login: back to the form, with only the failure's message kept in the session for the
 * login page to show. Spring Security's own handler keeps the exception itself, which carries the attempted
 * login, typed password included; sessions are stored in the database (ADR 0055), so that must not go there.
 */
final class LoginFailureHandler implements AuthenticationFailureHandler {

    private final String page;

    LoginFailureHandler(String page) {
        this.page = page;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        request.getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, new LoginFailed(exception.getMessage()));
        response.sendRedirect(page);
    }

    /** The message alone: no attempted login, no cause, no stack trace. */
    static final class LoginFailed extends AuthenticationException {

        @Serial
        private static final long serialVersionUID = 1L;

        LoginFailed(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
