package org.shegong.sitepage;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.shegong.admin.AdminContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** Refusals on the back office's single-page screens: the back office's message page, never a stack trace. */
@ControllerAdvice(assignableTypes = SitePagesController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SitePageErrors {

    private final AdminContext context;

    SitePageErrors(AdminContext context) {
        this.context = context;
    }

    @ExceptionHandler(SitePageException.class)
    ModelAndView refused(SitePageException e, HttpServletRequest request, HttpServletResponse response) {
        return page(e.isNotFound() ? 404 : 400, e.getMessage(), request, response);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ModelAndView badParameter(HttpServletRequest request, HttpServletResponse response) {
        return page(400, "请求参数有误", request, response);
    }

    private ModelAndView page(int status, String message, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(status);
        ModelAndView view = new ModelAndView("admin/message");
        view.addObject("chrome", context.chrome(request));
        view.addObject("message", message);
        view.addObject("status", status);
        return view;
    }
}
