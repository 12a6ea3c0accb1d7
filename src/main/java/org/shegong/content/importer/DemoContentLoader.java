package org.shegong.content.importer;

import java.io.IOException;
import java.io.InputStream;
import org.shegong.content.ArticleRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * First start on an empty database: import the seed listing page (shipped in the jar) into 行业动态, so the
 * site is alive at once. Never runs again once any article exists.
 */
@Component
@Profile("!cli")
class DemoContentLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoContentLoader.class);

    private final ArticleImporter importer;
    private final ArticleRepository articles;
    private final boolean enabled;

    DemoContentLoader(ArticleImporter importer, ArticleRepository articles,
                      @Value("${shegong.demo-content:true}") boolean enabled) {
        this.importer = importer;
        this.articles = articles;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void loadOnFirstStart() throws IOException {
        if (!enabled || articles.count() > 0) {
            return;
        }
        try (InputStream in = new ClassPathResource("demo/seed-hangye.txt").getInputStream()) {
            ImportReport report = importer.importListing(in, "news");
            log.info("首次启动: 已导入演示内容 (行业动态) {}", report);
        }
    }
}
