package org.shegong.admin;

import org.shegong.account.AdminContext;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.shegong.system.web.BackOffice;
import org.shegong.system.web.Refusal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** Refusals in the back office become a Chinese message page with the right status, never a stack trace. */
@ControllerAdvice(annotations = BackOffice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminErrors {

    private final AdminContext context;

    AdminErrors(AdminContext context) {
        this.context = context;
    }

    @ExceptionHandler(Refusal.class)
    ModelAndView refused(Refusal e, HttpServletRequest request, HttpServletResponse response) {
        return page(e.status(), e.getMessage(), request, response);
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
