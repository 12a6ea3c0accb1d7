package org.shegong.system.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/** Errors raised outside the controllers (by the container or a filter) get the same Chinese page. */
@Component
class ErrorPages implements ErrorViewResolver {

    /** Spring Security's refusals: no permission, or (most often) a form whose CSRF token has expired. */
    static final String FORBIDDEN = "您没有执行此操作的权限；如果刚才提交的是表单，页面可能已过期，请刷新后重试";

    private final ChromeFactory chrome;

    ErrorPages(ChromeFactory chrome) {
        this.chrome = chrome;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        String message = switch (status.series()) {
            case CLIENT_ERROR -> status == HttpStatus.NOT_FOUND ? "您访问的页面不存在或已被移除"
                    : status == HttpStatus.FORBIDDEN ? FORBIDDEN : "请求有误，无法处理";
            default -> "服务器暂时出了点问题，请稍后再试";
        };
        ModelAndView view = new ModelAndView("site/error", status);
        view.addObject("view", view(chrome.safeChrome(), status.value(), message));
        return view;
    }

    static ErrorView view(Chrome chrome, int status, String message) {
        String heading = switch (status) {
            case 404 -> "页面未找到";
            case 400 -> "请求有误";
            case 403 -> "没有访问权限";
            case 405 -> "请求方式有误";
            default -> status >= 500 ? "服务器错误" : "无法处理请求";
        };
        return new ErrorView(chrome, status, heading, message);
    }
}
