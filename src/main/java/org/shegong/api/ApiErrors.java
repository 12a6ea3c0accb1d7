package org.shegong.api;

import org.shegong.system.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every failure of an API handler as RFC 9457 problem details (Chinese {@code title}, English {@code title_en}),
 * never the site's HTML error page and never a stack trace. Failures before a handler is chosen (unknown path,
 * malformed URL) get the same shape from the kernel's {@code Problems}.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> refused(ApiProblem e) {
        return Problems.response(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler({TypeMismatchException.class, ServletRequestBindingException.class,
            HttpMessageNotReadableException.class})
    ResponseEntity<ProblemDetail> unreadable(Exception e) {
        return Problems.response(HttpStatus.BAD_REQUEST, "invalid-request", "请求参数有误，无法读取");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method() {
        return Problems.response(HttpStatus.METHOD_NOT_ALLOWED, "开放数据接口只接受 GET 请求");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable() {
        return Problems.response(HttpStatus.NOT_ACCEPTABLE, "开放数据接口只提供 JSON（application/json）");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error in the open-data API", e);
        return Problems.response(HttpStatus.INTERNAL_SERVER_ERROR, "服务器暂时出了点问题，请稍后再试");
    }
}
