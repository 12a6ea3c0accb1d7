package org.shegong.system.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * RFC 9457 problem details for machine clients (the open-data API under {@code /api/}): {@code title} in Chinese,
 * {@code title_en} in English, {@code detail} saying what exactly was wrong (Chinese), {@code code} a stable
 * machine-readable word. The error pages and advices of the kernel use it for every failure under {@code /api/},
 * so a client gets the same shape whether a controller, a filter or the container refused the request.
 */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    /** Where the problem types are explained: the 开放数据 page (relative: stored pages keep no absolute address). */
    private static final String TYPE_BASE = "/page/open-data#problem-";

    private Problems() {
    }

    public static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path != null && isApi(path);
    }

    public static boolean isApi(String path) {
        return path.startsWith("/api/");
    }

    public static ResponseEntity<ProblemDetail> response(HttpStatus status, String detail) {
        return response(status, codeOf(status), detail);
    }

    public static ResponseEntity<ProblemDetail> response(HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status).contentType(PROBLEM_JSON).body(of(status, code, detail));
    }

    public static ProblemDetail of(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(chineseTitle(status));
        problem.setDetail(detail == null ? chineseTitle(status) : detail);
        problem.setProperty("title_en", englishTitle(status));
        problem.setProperty("code", code);
        return problem;
    }

    public static String codeOf(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "invalid-request";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case NOT_ACCEPTABLE -> "not-acceptable";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case TOO_MANY_REQUESTS -> "too-many-requests";
            case FORBIDDEN -> "forbidden";
            case UNAUTHORIZED -> "unauthorized";
            case CONFLICT -> "conflict";
            case CONTENT_TOO_LARGE -> "too-large";
            case UNPROCESSABLE_CONTENT -> "unprocessable";
            case SERVICE_UNAVAILABLE -> "unavailable";
            default -> status.is5xxServerError() ? "server-error" : "client-error";
        };
    }

    public static String chineseTitle(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "请求参数有误";
            case NOT_FOUND -> "没有找到所请求的内容";
            case METHOD_NOT_ALLOWED -> "不支持这种请求方式";
            case NOT_ACCEPTABLE -> "无法按所要求的格式提供";
            case UNSUPPORTED_MEDIA_TYPE -> "不支持这种提交格式";
            case TOO_MANY_REQUESTS -> "请求过于频繁";
            case FORBIDDEN -> "没有访问权限";
            case UNAUTHORIZED -> "需要身份凭证";
            case CONFLICT -> "与当前状态冲突";
            case CONTENT_TOO_LARGE -> "提交的内容过大";
            case UNPROCESSABLE_CONTENT -> "请求无法处理";
            case SERVICE_UNAVAILABLE -> "服务繁忙";
            default -> status.is5xxServerError() ? "服务器暂时出了点问题" : "无法处理请求";
        };
    }

    public static String englishTitle(HttpStatus status) {
        return status == HttpStatus.SERVICE_UNAVAILABLE ? "Service unavailable"
                : status.is5xxServerError() ? "Server error" : status.getReasonPhrase();
    }
}
