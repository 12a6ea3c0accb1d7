package org.shegong.media;

import jakarta.servlet.http.HttpServletRequest;
import org.shegong.system.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Spring's multipart ceiling ({@code spring.servlet.multipart.*}) and broken multipart bodies, answered in Chinese
 * (413 / 400), as problem details under /api/. These fail while the request is read, before a controller is chosen, so this advice is global;
 * it handles nothing else.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitErrors {

    private final MediaErrors answers;

    UploadLimitErrors(MediaErrors answers) {
        this.answers = answers;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request) {
        if (Problems.isApi(request)) {
            return Problems.response(HttpStatus.CONTENT_TOO_LARGE, "too-large", "上传的文件超过了服务器允许的上限");
        }
        return answers.answer(413, "文件太大，超过了服务器允许的上限（图片、附件、视频各有上限，见媒体库页面）", request);
    }

    @ExceptionHandler(MultipartException.class)
    Object broken(HttpServletRequest request) {
        if (Problems.isApi(request)) {
            return Problems.response(HttpStatus.BAD_REQUEST, "invalid-multipart", "上传没有完成或格式有误（应为 multipart/form-data）");
        }
        return answers.answer(400, "上传没有完成或格式有误，请重新选择文件上传", request);
    }
}
