package org.shegong.system.web;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns failures into the site's own Chinese error page with the right status; never a stack trace. */
@ControllerAdvice
class SiteErrors {

    private static final Logger log = LoggerFactory.getLogger(SiteErrors.class);

    private final ChromeFactory chrome;

    SiteErrors(ChromeFactory chrome) {
        this.chrome = chrome;
    }

    @ExceptionHandler({NotFoundException.class, NoResourceFoundException.class})
    ModelAndView notFound(Exception e, HttpServletResponse response) {
        String message = e instanceof NotFoundException ? e.getMessage() : "您访问的页面不存在或已被移除";
        return page(HttpStatus.NOT_FOUND, message, response);
    }

    @ExceptionHandler({BadRequestException.class, TypeMismatchException.class, ServletRequestBindingException.class,
            BindException.class, HttpMessageNotReadableException.class})
    ModelAndView badRequest(Exception e, HttpServletResponse response) {
        String message = e instanceof BadRequestException ? e.getMessage() : "请求参数有误";
        return page(HttpStatus.BAD_REQUEST, message, response);
    }

    /** A feature's refusal on a public page (an organisation's 投稿 pages, say): its own status and message. */
    @ExceptionHandler(Refusal.class)
    ModelAndView refused(Refusal e, HttpServletResponse response) {
        return page(HttpStatus.valueOf(e.status()), e.getMessage(), response);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ModelAndView methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletResponse response) {
        return page(HttpStatus.METHOD_NOT_ALLOWED, "不支持这种请求方式", response);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ModelAndView notAcceptable(HttpServletResponse response) {
        return page(HttpStatus.NOT_ACCEPTABLE, "无法按所要求的格式提供此内容", response);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ModelAndView unsupportedMediaType(HttpServletResponse response) {
        return page(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持这种提交格式", response);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletResponse response) {
        log.error("Unexpected error", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "服务器暂时出了点问题，请稍后再试", response);
    }

    private ModelAndView page(HttpStatus status, String message, HttpServletResponse response) {
        response.setStatus(status.value());
        ModelAndView view = new ModelAndView("site/error", status);
        view.addObject("view", ErrorPages.view(chrome.safeChrome(), status.value(), message));
        return view;
    }
}
