package org.shegong.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.shegong.system.web.BadRequestException;
import org.shegong.system.web.ReaderDisplay;
import org.shegong.system.web.SiteUrls;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Switches 关怀模式 and the text size with a plain link (works without JavaScript): stores the choice in a cookie for
 * a year and sends the reader back to the page they were on. A GET is right here: the choice is the reader's own
 * display preference, harmless if a third party triggers it, and a link is what older readers can use.
 */
@Controller
class DisplayController {

    private static final Duration KEPT = Duration.ofDays(365);

    @GetMapping(SiteUrls.DISPLAY)
    String display(@RequestParam(name = "mode", required = false) String mode,
                   @RequestParam(name = "back", required = false) String back, HttpServletRequest request,
                   HttpServletResponse response) {
        if (mode == null || !mode.equals(ReaderDisplay.fromCookie(mode).cookieValue())) {
            throw new BadRequestException("显示方式无效：mode 应为 small、medium、large，或在前面加 care-（关怀模式）");
        }
        ReaderDisplay choice = ReaderDisplay.fromCookie(mode);
        ResponseCookie cookie = ResponseCookie.from(ReaderDisplay.COOKIE, choice.cookieValue()).path("/")
                .maxAge(choice.isDefault() ? Duration.ZERO : KEPT).sameSite("Lax").secure(request.isSecure())
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        return "redirect:" + (SiteUrls.isLocalPath(back) ? back : SiteUrls.home());
    }
}
