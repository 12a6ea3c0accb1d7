package org.shegong.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.regex.Pattern;
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

    static final String PATH = "/display";
    /** A path on this site: one leading slash (not "//host"), no backslash, no control characters. */
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[^\\\\\\s\\p{Cntrl}]{0,500}");
    private static final Duration KEPT = Duration.ofDays(365);

    @GetMapping(PATH)
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
        return "redirect:" + (back != null && isLocalPath(back) ? back : SiteUrls.home());
    }

    static boolean isLocalPath(String path) {
        return LOCAL_PATH.matcher(path).matches();
    }
}
