package org.shegong.media;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.shegong.account.AdminChrome;
import org.shegong.system.SiteProperties;
import org.shegong.system.web.Refusal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Refusals of the media controllers answer in Chinese with the right status: JSON for the editor's uploader, a
 * message page for the plain form. Spring's multipart limit fails before any controller is chosen, so it is
 * answered by {@link UploadLimitErrors}, which applies everywhere.
 */
@ControllerAdvice(basePackageClasses = MediaErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MediaErrors {

    private final SiteProperties site;

    MediaErrors(SiteProperties site) {
        this.site = site;
    }

    /** Refusals from the media controllers (the back office's own advice answers only with pages). */
    @ExceptionHandler(Refusal.class)
    Object refused(Refusal e, HttpServletRequest request) {
        return answer(e.status(), e.getMessage(), request);
    }

    static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("application/json");
    }

    Object answer(int status, String message, HttpServletRequest request) {
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
