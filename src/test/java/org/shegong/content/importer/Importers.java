package org.shegong.content.importer;

import org.shegong.content.ArticleBatchRepository;
import org.shegong.content.BulkArticles;
import org.shegong.content.ContentFixture;
import org.shegong.system.outbox.OutboxWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/** Importers wired by hand on a {@link ContentFixture}, for tests in other packages. */
public final class Importers {

    private Importers() {
    }

    public static ArticleImporter on(ContentFixture content) {
        return new ArticleImporter(content.service, new ImportItemMapper(content.columns), content.db.transactions(),
                content.clock);
    }

    /** The bulk path, with small chunks so that a test file of a few hundred lines spans several. */
    public static BulkImporter bulkOn(ContentFixture content, int chunk) {
        BulkArticles articles = new BulkArticles(content.articles,
                new ArticleBatchRepository(new JdbcTemplate(content.db.dataSource()), content.articles),
                new OutboxWriter(content.db.jdbc(), content.clock), content.clock);
        return new BulkImporter(articles, new ImportItemMapper(content.columns), content.db.transactions(), 2, chunk);
    }
}
