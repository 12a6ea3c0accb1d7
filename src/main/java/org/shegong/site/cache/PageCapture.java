package org.shegong.site.cache;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import org.shegong.system.web.RenderedPageSink;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The page cache's buffer for a miss. A jte view hands it the rendered page whole, and the page is kept as it is;
 * anything else written (another kind of view, a controller's own body) is buffered as Spring's wrapper buffers it.
 * Before this, every page was copied into the wrapper's blocks and out again: 23.8 KB of an uncached article page's
 * garbage at 1,000,000 articles (docs/adr/0080).
 */
final class PageCapture extends ContentCachingResponseWrapper implements RenderedPageSink {

    private byte[] taken;

    PageCapture(HttpServletResponse response) {
        super(response);
    }

    @Override
    public boolean take(byte[] page) {
        if (taken != null || getContentSize() > 0 || isCommitted()) {
            return false;
        }
        taken = page;
        return true;
    }

    int bodySize() {
        return (taken == null ? 0 : taken.length) + getContentSize();
    }

    /** The body as rendered: the page taken, then whatever was written after it (normally nothing). */
    byte[] body() {
        if (taken == null) {
            return getContentAsByteArray();
        }
        if (getContentSize() == 0) {
            return taken;
        }
        byte[] rest = getContentAsByteArray();
        byte[] all = Arrays.copyOf(taken, taken.length + rest.length);
        System.arraycopy(rest, 0, all, taken.length, rest.length);
        return all;
    }

    /** Sends the body as rendered, for a response the cache does not keep. */
    void sendBody() throws IOException {
        if (taken == null) {
            copyBodyToResponse();
            return;
        }
        byte[] body = body();
        HttpServletResponse raw = (HttpServletResponse) getResponse();
        if (!raw.isCommitted()) {
            raw.setContentLength(body.length);
        }
        raw.getOutputStream().write(body);
    }
}
