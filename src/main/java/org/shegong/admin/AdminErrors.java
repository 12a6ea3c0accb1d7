package org.shegong.admin;

import org.shegong.account.AdminContext;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.shegong.system.web.BackOffice;
import org.shegong.system.web.Refusal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
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

    @ExceptionHandler({TypeMismatchException.class, ServletRequestBindingException.class, BindException.class})
    ModelAndView badParameter(HttpServletRequest request, HttpServletResponse response) {
        return page(400, "请求参数有误", request, response);
    }

    /** A form naming a column, user or article that does not exist (or no longer does). */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ModelAndView dangling(HttpServletRequest request, HttpServletResponse response) {
        return page(400, "表单引用的栏目或记录不存在，请刷新页面后重试", request, response);
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
