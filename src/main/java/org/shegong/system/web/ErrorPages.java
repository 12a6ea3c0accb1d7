package org.shegong.system.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /error}: errors raised outside the controllers (by the container, a filter, Spring Security's
 * firewall) get the same Chinese page, whatever the Accept header says, or a small JSON object when the failed
 * request was for a JSON endpoint. Asked for directly, {@code /error} is a page that does not exist. Replaces
 * Spring Boot's BasicErrorController, which answered JSON to any client not asking for HTML and 500 when called
 * directly.
 */
@Controller
class ErrorPages implements ErrorController {

    /** Spring Security's refusals: no permission, or (most often) a form whose CSRF token has expired. */
    static final String FORBIDDEN = "您没有执行此操作的权限；如果刚才提交的是表单，页面可能已过期，请刷新后重试";

    private final ChromeFactory chrome;

    ErrorPages(ChromeFactory chrome) {
        this.chrome = chrome;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                && value >= 400 ? HttpStatus.valueOf(value) : HttpStatus.NOT_FOUND;
        String message = switch (status.series()) {
            case CLIENT_ERROR -> status == HttpStatus.NOT_FOUND ? "您访问的页面不存在或已被移除"
                    : status == HttpStatus.FORBIDDEN ? FORBIDDEN : "请求有误，无法处理";
            default -> "服务器暂时出了点问题，请稍后再试";
        };
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path && Problems.isApi(path)) {
            return Problems.response(status, message);
        }
        if (uri instanceof String path && isJson(path)) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body(new JsonError(status.value(), message));
        }
        response.setStatus(status.value());
        ModelAndView view = new ModelAndView("site/error", status);
        view.addObject("view", view(chrome.safeChrome(), status.value(), message));
        return view;
    }

    /** A record, so the keys keep one order: {@code Map.of}'s order differs from JVM to JVM. */
    record JsonError(int status, String error) {
    }

    static boolean isJson(String path) {
        return path.startsWith("/search/suggest") || path.startsWith("/api/");
    }

    static ErrorView view(Chrome chrome, int status, String message) {
        String heading = switch (status) {
            case 404 -> "页面未找到";
            case 400 -> "请求有误";
            case 403 -> "没有访问权限";
            case 405 -> "请求方式有误";
            case 406 -> "无法提供所需格式";
            case 503 -> "服务繁忙";
            default -> status >= 500 ? "服务器错误" : "无法处理请求";
        };
        return new ErrorView(chrome, status, heading, message);
    }
}
