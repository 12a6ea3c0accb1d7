package org.shegong.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.shegong.system.web.BackOffice;
import org.shegong.system.web.Refusal;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Asks the policy before every back-office handler runs, with what the handler's {@link Requires} names. A
 * back-office handler that declares nothing is refused (default deny); RouteDeclarationsTest keeps that from
 * reaching anyone. Security's URL rule has already made sure the person is signed-in staff.
 */
@Component
public class RouteAuthorization implements HandlerInterceptor {

    private final AdminContext context;

    RouteAuthorization(AdminContext context) {
        this.context = context;
    }

    /** What the handler declares, on the method or else on its controller; null when nothing. */
    public static Requires declared(HandlerMethod handler) {
        Requires onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Requires.class);
        return onMethod != null ? onMethod
                : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Requires.class);
    }

    /** Back-office handlers: those of a {@link BackOffice} controller or on an /admin path. */
    public static boolean backOffice(HandlerMethod handler, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return handler.getBeanType().isAnnotationPresent(BackOffice.class) || path.equals("/admin")
                || path.startsWith("/admin/");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !backOffice(method, request)) {
            return true;
        }
        Requires requires = declared(method);
        if (requires == null) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "您没有访问此页面的权限（页面未声明所需权限）");
        }
        if (requires.value() == Permission.ANYONE) {
            return true;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof StaffUser user)) {
            throw Authorization.forbidden(requires.value().label());
        }
        Authorization.require(context.actor(user, request), requires.value());
        return true;
    }
}
