package org.shegong.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.core.properties.SwaggerUiOAuthProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.webmvc.ui.SwaggerIndexPageTransformer;
import org.springdoc.webmvc.ui.SwaggerWelcomeCommon;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.TransformedResource;

/**
 * Swagger UI's page in Chinese: Swagger UI ships no language packs, so its index page is served as zh-CN with a
 * Chinese title and loads {@code /js/swagger-ui-zh-CN.js}, which replaces the fixed English labels as they render.
 * springdoc's own transformation of {@code swagger-initializer.js} (the configuration) is kept.
 */
class ChineseSwaggerIndex extends SwaggerIndexPageTransformer {

    static final String LABELS_SCRIPT = "/js/swagger-ui-zh-CN.js";

    ChineseSwaggerIndex(SwaggerUiConfigProperties config, SwaggerUiOAuthProperties oauth, SwaggerWelcomeCommon welcome,
                        ObjectMapperProvider mapper) {
        super(config, oauth, welcome, mapper);
    }

    @Override
    public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
            throws IOException {
        if (!"index.html".equals(resource.getFilename())) {
            return super.transform(request, resource, chain);
        }
        String html = resource.getContentAsString(StandardCharsets.UTF_8)
                .replace("<html lang=\"en\">", "<html lang=\"zh-CN\">")
                .replace("<title>Swagger UI</title>", "<title>开放数据接口文档</title>")
                // Before the bundle, so the first render is already observed.
                .replace("<script src=\"./swagger-ui-bundle.js\"",
                        "<script src=\"" + LABELS_SCRIPT + "\" charset=\"UTF-8\"></script>\n    <script src=\"./swagger-ui-bundle.js\"");
        return new TransformedResource(resource, html.getBytes(StandardCharsets.UTF_8));
    }
}
