package org.shegong.api;

import org.shegong.api.token.TokenRefused;
import org.shegong.editorial.workflow.EditConflictException;
import org.shegong.system.web.Overloaded;
import org.shegong.system.web.Problems;
import org.shegong.system.web.Refusal;
import org.springframework.http.HttpHeaders;
import org.springframework.web.ErrorResponse;
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
        ResponseEntity<ProblemDetail> answer = Problems.response(e.status(), e.code(), e.getMessage());
        if (e instanceof ApiProblem.TooMany tooMany) {
            return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(tooMany.retryAfterSeconds())).body(answer.getBody());
        }
        return answer;
    }

    /** Too busy for this now (the search under a flood): 503 with Retry-After. */
    @ExceptionHandler(Overloaded.class)
    ResponseEntity<ProblemDetail> overloaded(Overloaded e) {
        ResponseEntity<ProblemDetail> answer = Problems.response(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(answer.getBody());
    }

    /** No usable bearer token (RFC 6750: 401 with WWW-Authenticate). */
    @ExceptionHandler(TokenRefused.class)
    ResponseEntity<ProblemDetail> unauthorized(TokenRefused e) {
        ResponseEntity<ProblemDetail> answer = Problems.response(HttpStatus.UNAUTHORIZED, "invalid-token", e.getMessage());
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).headers(answer.getHeaders())
                .header(HttpHeaders.WWW_AUTHENTICATE, e.missing() ? "Bearer realm=\"shegong\""
                        : "Bearer realm=\"shegong\", error=\"invalid_token\"")
                .body(answer.getBody());
    }

    /** A refusal of an action the write API ran (permission, someone else's draft, state, bad value, size). */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refusal(Refusal e) {
        HttpStatus status = HttpStatus.valueOf(e.status());
        return Problems.response(status, Problems.codeOf(status), e.getMessage());
    }

    @ExceptionHandler(EditConflictException.class)
    ResponseEntity<ProblemDetail> conflict(EditConflictException e) {
        return Problems.response(HttpStatus.CONFLICT, "edit-conflict",
                "稿件已有更新的版本，您的修改未保存：请重新读取稿件，以新的 latest_revision 作为 base_revision 再提交");
    }

    @ExceptionHandler({TypeMismatchException.class, ServletRequestBindingException.class,
            HttpMessageNotReadableException.class})
    ResponseEntity<ProblemDetail> unreadable(Exception e) {
        return Problems.response(HttpStatus.BAD_REQUEST, "invalid-request", "请求参数有误，无法读取");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return Problems.response(HttpStatus.METHOD_NOT_ALLOWED, "这个地址不接受 " + e.getMethod()
                + " 请求（开放数据接口只读；写入接口见 /api/v1/drafts）");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable() {
        return Problems.response(HttpStatus.NOT_ACCEPTABLE, "开放数据接口只提供 JSON（application/json）");
    }

    /** Spring's own refusals of a request (unsupported Content-Type, a missing part …) keep their 4xx status. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(response.getStatusCode().value());
            return Problems.response(status, Problems.codeOf(status), switch (status) {
                case UNSUPPORTED_MEDIA_TYPE -> "不支持这种提交格式：JSON 请求请用 application/json，上传文件请用 multipart/form-data";
                case CONTENT_TOO_LARGE -> "提交的内容过大";
                default -> "请求有误：" + Problems.chineseTitle(status);
            });
        }
        log.error("Unexpected error in the open-data API", e);
        return Problems.response(HttpStatus.INTERNAL_SERVER_ERROR, "服务器暂时出了点问题，请稍后再试");
    }
}
