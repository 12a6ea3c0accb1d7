package org.shegong.content.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import org.shegong.content.ArticleRepository;
import org.shegong.system.jobs.JobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * First start on an empty database: import the seed listing page (shipped in the jar) into 行业动态 and the
 * sample articles (with bodies, dates and regions) into the other columns, so every block of the home page is
 * alive at once. Never runs again once any article exists.
 *
 * <p>A lifecycle bean of phase 0 starts before the web server (which starts in a late phase), so no reader, and
 * no page cache, ever sees the empty site of the seconds before the import. Nodes that start together on one
 * new database import it once: the node that takes the job lease does, the others start without waiting.
 */
@Component
@Profile("!cli")
class DemoContentLoader implements SmartLifecycle {

    static final String SEED = "demo/seed-hangye.txt";
    static final String SAMPLES = "demo/articles.jsonl";
    /** One item of each type with its pictures and files (demo/types/), imported by path like any import file. */
    static final String TYPES = "demo/types/items.jsonl";
    static final String TYPES_FOLDER = "demo/types/";
    /**
     * The seed page is from the week after 23-29 August 2021: its digest is dated the Monday after, and the
     * other items around it in page order, so a new install never shows its own install day as news.
     */
    static final ArticleImporter.DateAnchor SEED_DIGEST =
            new ArticleImporter.DateAnchor("社会工作一周动态 (8.23-8.29)", LocalDate.of(2021, 8, 30));

    private static final Logger log = LoggerFactory.getLogger(DemoContentLoader.class);

    private final ArticleImporter importer;
    private final ArticleRepository articles;
    private final boolean enabled;
    private volatile boolean running;

    private final ObjectProvider<ImportMedia> media;
    private final JobLock lock;

    DemoContentLoader(ArticleImporter importer, ArticleRepository articles,
                      @Value("${shegong.demo-content:true}") boolean enabled, ObjectProvider<ImportMedia> media,
                      JobLock lock) {
        this.media = media;
        this.lock = lock;
        this.importer = importer;
        this.articles = articles;
        this.enabled = enabled;
    }

    @Override
    public void start() {
        running = true;
        if (!enabled || articles.count() > 0) {
            return;
        }
        lock.runOnce("demo-content", Duration.ZERO, Duration.ofMinutes(30), () -> {
            if (articles.count() == 0) { // another node may have imported it between the count and the lease
                importDemoContent();
            }
        });
    }

    private void importDemoContent() {
        try (InputStream seed = new ClassPathResource(SEED).getInputStream();
             InputStream samples = new ClassPathResource(SAMPLES).getInputStream()) {
            ImportReport report = importer.importListing(seed, "news", SEED_DIGEST);
            log.info("首次启动: 已导入演示内容 (行业动态) {}", report);
            report = importer.importJsonLines(samples, n -> { });
            log.info("首次启动: 已导入演示内容 (各栏目示例文章) {}", report);
            try (InputStream types = new ClassPathResource(TYPES).getInputStream()) {
                report = importer.importJsonLines(types, n -> { }, false,
                        MediaFiles.onClasspath(TYPES_FOLDER, media.getIfAvailable()));
                log.info("首次启动: 已导入演示内容 (公示、一图读懂、政策文件、视频、图片新闻) {}", report);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The demo content shipped in the jar cannot be read", e);
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0;
    }
}
