package org.shegong.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shegong.ShegongApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Views and downloads counted in memory are written when the application shuts down cleanly: none is lost. */
class ViewCounterShutdownTest {

    @TempDir
    Path dir;

    @Test
    void pendingViewsAreFlushedOnACleanShutdown() {
        String[] arguments = {"--shegong.data-dir=" + dir, "--server.port=0", "--shegong.views.flush-interval=1h"};
        long id;
        long file;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ShegongApplication.class)
                .run(arguments)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            id = jdbc.sql("SELECT MIN(id) FROM article").query(Long.class).single();
            ViewCounter views = app.getBean(ViewCounter.class);
            for (int i = 0; i < 7; i++) {
                views.record(id);
            }
            assertThat(jdbc.sql("SELECT COALESCE(SUM(views), 0) FROM article_views WHERE article_id = ?").param(id).query(Long.class).single())
                    .isZero();
            file = jdbc.sql("SELECT MIN(id) FROM media_file").query(Long.class).single();
            org.shegong.media.DownloadCounter downloads = app.getBean(org.shegong.media.DownloadCounter.class);
            downloads.record(file);
            downloads.record(file);
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ShegongApplication.class)
                .run(arguments)) {
            assertThat(app.getBean(JdbcClient.class).sql("SELECT COALESCE(SUM(views), 0) FROM article_views WHERE article_id = ?").param(id)
                    .query(Long.class).single()).isEqualTo(7);
            assertThat(app.getBean(JdbcClient.class).sql("SELECT download_count FROM media_file WHERE id = ?")
                    .param(file).query(Long.class).single()).isEqualTo(2);
        }
    }
}
