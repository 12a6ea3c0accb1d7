package org.shegong.system.web;

import gg.jte.TemplateEngine;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteView;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.view.AbstractUrlBasedView;
import org.springframework.web.util.WebUtils;

/**
 * jte views that render a page into one byte array and write it once, with its length. The starter's view writes
 * each template fragment through the response's writer, and Spring Security's response wrapper checks the
 * buffer and content length on every one of those writes: about a fifth of an uncached article page's time
 * (profile of {@code bench/load.sh} at 1,000,000 articles).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class BufferedJteViews {

    /** Replaces the starter's resolver, which steps aside when one is defined. */
    @Bean
    JteViewResolver jteViewResolver(TemplateEngine templateEngine, JteProperties properties) {
        return new JteViewResolver(templateEngine, properties) {
            @Override
            protected AbstractUrlBasedView instantiateView() {
                return new BufferedJteView(templateEngine);
            }
        };
    }

    static final class BufferedJteView extends JteView {

        private final TemplateEngine templateEngine;
        /** The last page's size and a quarter, so that the buffer seldom grows (one view serves one template). */
        private volatile int expectedSize = 16 * 1024;

        BufferedJteView(TemplateEngine templateEngine) {
            super(templateEngine);
            this.templateEngine = templateEngine;
        }

        @Override
        protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request,
                                                 HttpServletResponse response) throws Exception {
            Utf8PageOutput output = new Utf8PageOutput(expectedSize);
            templateEngine.render(getUrl(), model, output);
            // A racy hint is fine: a wrong one costs one more growth of the buffer, never a wrong page.
            expectedSize = output.size() + output.size() / 4;
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentLength(output.size());
            // One write: each write to the response passes the wrappers' checks again, 12 % of an uncached article
            // page's CPU at 1,000,000 articles on PostgreSQL when the page went out in its hundreds of pieces (JFR,
            // issue 18). Under the page cache there is no write at all: the cache keeps the page's exact copy.
            RenderedPageSink sink = WebUtils.getNativeResponse(response, RenderedPageSink.class);
            if (sink == null || !sink.take(output.toByteArray())) {
                output.writeTo(response.getOutputStream());
            }
        }
    }
}
