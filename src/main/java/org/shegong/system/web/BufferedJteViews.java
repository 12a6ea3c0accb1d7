package org.shegong.system.web;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteView;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

/**
 * jte views that render a page into a byte buffer and write it once, with its length. The starter's view writes
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

        BufferedJteView(TemplateEngine templateEngine) {
            super(templateEngine);
            this.templateEngine = templateEngine;
        }

        @Override
        protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request,
                                                 HttpServletResponse response) throws Exception {
            Utf8ByteOutput output = new Utf8ByteOutput();
            templateEngine.render(getUrl(), model, output);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentLength(output.getContentLength());
            // One write: the output holds the page as hundreds of chunks (the templates' constant parts are shared,
            // not copied), and each write to the response passed the wrappers' checks again — 12 % of an uncached
            // article page's CPU at 1,000,000 articles on PostgreSQL (JFR, issue 18). Copying once is cheaper.
            ByteArrayOutputStream page = new ByteArrayOutputStream(output.getContentLength());
            output.writeTo(page);
            page.writeTo(response.getOutputStream());
        }
    }
}
