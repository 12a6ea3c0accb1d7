package org.shegong.media;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.shegong.account.AdminChrome;
import org.shegong.system.SiteProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Refused uploads answer in Chinese with the right status: JSON for the editor's uploader, a message page for
 * the plain form. Spring's multipart limit fails before any controller runs, so this advice is global.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class MediaErrors {

    private final SiteProperties site;

    MediaErrors(SiteProperties site) {
        this.site = site;
    }

    @ExceptionHandler(UploadRejected.class)
    Object rejected(UploadRejected e, HttpServletRequest request) {
        return answer(e.status(), e.getMessage(), request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request) {
        return answer(413, "文件太大，超过了服务器允许的上限（图片、附件、视频各有上限，见媒体库页面）", request);
    }

    @ExceptionHandler(MultipartException.class)
    Object broken(HttpServletRequest request) {
        return answer(400, "上传没有完成或格式有误，请重新选择文件上传", request);
    }

    @ExceptionHandler(MediaService.MediaForbidden.class)
    Object forbidden(MediaService.MediaForbidden e, HttpServletRequest request) {
        return answer(403, e.getMessage(), request);
    }

    @ExceptionHandler(MediaService.MediaNotFound.class)
    Object notFound(MediaService.MediaNotFound e, HttpServletRequest request) {
        return answer(404, "文件不存在", request);
    }

    static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("application/json");
    }

    private Object answer(int status, String message, HttpServletRequest request) {
        if (wantsJson(request)) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("error", Map.of("message", message)));
        }
        ModelAndView view = new ModelAndView("admin/message");
        view.setStatus(org.springframework.http.HttpStatusCode.valueOf(status));
        view.addObject("chrome", AdminChrome.of(request, site.name()));
        view.addObject("message", message);
        view.addObject("status", status);
        return view;
    }
}
