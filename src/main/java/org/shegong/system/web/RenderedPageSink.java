package org.shegong.system.web;

/**
 * A response that can take a rendered page whole, by reference, rather than through its output stream. The page
 * cache's buffer is one: what the view rendered is kept as it is, not copied into the buffer and copied out again
 * (those copies were 23.8 KB of an uncached article page's garbage at 1,000,000 articles, docs/adr/0080).
 * Views find it under Spring Security's wrappers with {@code WebUtils.getNativeResponse}.
 */
public interface RenderedPageSink {

    /**
     * Takes {@code page} as the response's body if nothing has been written to the response yet. On {@code true}
     * the array belongs to the sink and the caller must not change it; on {@code false} the caller writes it.
     */
    boolean take(byte[] page);
}
