package org.shegong.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.shegong.api.token.ApiTokenAuthenticator;
import org.shegong.api.token.TokenCaller;
import org.shegong.system.web.AddressRateLimiter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Before any write-API handler reads its body: the bearer token (401 without a usable one) and the token's own rate
 * limit (429). Only the {@code Authorization} header counts: the API's filter chain reads no session, so a
 * back-office login cookie authenticates nothing here and CSRF tokens are not needed.
 */
class ApiTokenInterceptor implements HandlerInterceptor {

    private final ApiTokenAuthenticator tokens;
    private final AddressRateLimiter perToken;

    ApiTokenInterceptor(ApiTokenAuthenticator tokens, AddressRateLimiter perToken) {
        this.tokens = tokens;
        this.perToken = perToken;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod)) {
            // No write-API handler for this address (e.g. /api/v1/drafts/ with no id): the 404 comes next, and a
            // refusal thrown here would meet no API error advice (it only covers the API's own handlers).
            return true;
        }
        TokenCaller caller = tokens.authenticate(request.getHeader("Authorization"), request.getRemoteAddr());
        if (!perToken.tryAcquire("token:" + caller.token().id())) {
            throw new ApiProblem.TooMany("每个令牌每 " + Math.max(1, perToken.window().toSeconds()) + " 秒最多请求 "
                    + perToken.limit() + " 次，请稍后再试", Math.max(1, perToken.window().toSeconds()));
        }
        request.setAttribute(TokenCaller.ATTRIBUTE, caller);
        return true;
    }
}
