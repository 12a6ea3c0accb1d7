package org.shegong.system.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
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
    Object notFound(Exception e, HttpServletRequest request, HttpServletResponse response) {
        String message = e instanceof NotFoundException ? e.getMessage() : "您访问的页面不存在或已被移除";
        return page(HttpStatus.NOT_FOUND, message, request, response);
    }

    @ExceptionHandler({BadRequestException.class, TypeMismatchException.class, ServletRequestBindingException.class,
            BindException.class, HttpMessageNotReadableException.class})
    Object badRequest(Exception e, HttpServletRequest request, HttpServletResponse response) {
        String message = e instanceof BadRequestException ? e.getMessage() : "请求参数有误";
        return page(HttpStatus.BAD_REQUEST, message, request, response);
    }

    /** A feature's refusal on a public page (an organisation's 投稿 pages, say): its own status and message. */
    @ExceptionHandler(Refusal.class)
    Object refused(Refusal e, HttpServletRequest request, HttpServletResponse response) {
        return page(HttpStatus.valueOf(e.status()), e.getMessage(), request, response);
    }

    /** Too busy for this now (search under a flood of readers): 503 with Retry-After, never a slow collapse. */
    @ExceptionHandler(Overloaded.class)
    Object overloaded(Overloaded e, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        return page(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), request, response);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request,
                            HttpServletResponse response) {
        return page(HttpStatus.METHOD_NOT_ALLOWED, "不支持这种请求方式", request, response);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    Object notAcceptable(HttpServletRequest request, HttpServletResponse response) {
        return page(HttpStatus.NOT_ACCEPTABLE, "无法按所要求的格式提供此内容", request, response);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object unsupportedMediaType(HttpServletRequest request, HttpServletResponse response) {
        return page(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持这种提交格式", request, response);
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        log.error("Unexpected error", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "服务器暂时出了点问题，请稍后再试", request, response);
    }

    /** The Chinese page, or problem details for the open-data API (a request under /api/ that no handler took). */
    private Object page(HttpStatus status, String message, HttpServletRequest request, HttpServletResponse response) {
        if (Problems.isApi(request)) {
            return Problems.response(status, message);
        }
        response.setStatus(status.value());
        ModelAndView view = new ModelAndView("site/error", status);
        view.addObject("view", ErrorPages.view(chrome.safeChrome(), status.value(), message));
        return view;
    }
}
