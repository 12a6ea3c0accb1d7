package org.shegong.search.query;

import org.shegong.search.SearchProperties;
import org.shegong.search.analysis.LexiconSource;
import org.shegong.search.index.IndexRebuilder;
import org.shegong.search.index.SearchIndex;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.shegong.editorial.workflow.EditorialCopies;
import org.shegong.editorial.workflow.RevisionRepository;
import org.shegong.editorial.workflow.WorkflowRepository;
import org.shegong.content.ContentFixture;
import org.shegong.content.importer.ArticleImporter;
import org.shegong.content.importer.Importers;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;
import org.springframework.core.io.ClassPathResource;

/**
 * The seed page plus a corpus, imported into H2 and indexed by a real rebuild into a temporary directory; built
 * once and shared by the search tests. {@link #shared()}: 200 generated articles (bench/gen_articles.py 200
 * --seed 7); {@link #samples()}: the 300 sample articles of the shared samples.
 */
final class SearchFixture {

    static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    private static SearchFixture shared;
    private static SearchFixture samples;

    final ContentFixture content;
    final SearchIndex index;
    final IndexRebuilder rebuilder;
    final LuceneSearchEngine engine;
    final long indexed;

    private SearchFixture(String corpusResource, String database) throws IOException {
        // A database of its own: the shared per-target test database is emptied by every other test class,
        // and this fixture lives for the whole test run.
        content = new ContentFixture(TestDatabase.open(DatabaseTarget.H2,
                "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1", "sa", ""));
        ArticleImporter importer = Importers.on(content);
        try (InputStream seed = new ClassPathResource("demo/seed-hangye.txt").getInputStream();
             InputStream corpus = new ClassPathResource(corpusResource).getInputStream()) {
            importer.importListing(seed, "news");
            importer.importJsonLines(corpus, n -> { });
        }
        Path dir = Files.createTempDirectory("shegong-search-test");
        dir.toFile().deleteOnExit();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        LexiconSource lexicons = new LexiconSource(dir.toString(), clock);
        index = new SearchIndex(dir.resolve("index"), lexicons.load());
        SearchProperties properties = SearchProperties.defaults();
        rebuilder = new IndexRebuilder(index, content.service, new EditorialCopies(new WorkflowRepository(
                content.db.jdbc()), new RevisionRepository(content.db.jdbc()), content.service), properties, lexicons,
                clock, new org.shegong.system.outbox.OutboxBacklog(content.db.jdbc()));
        indexed = rebuilder.rebuild(n -> { });
        engine = new LuceneSearchEngine(index, rebuilder, properties, clock);
    }

    static synchronized SearchFixture shared() {
        if (shared == null) {
            shared = build("search/corpus-200.jsonl", "search-fixture");
        }
        return shared;
    }

    static synchronized SearchFixture samples() {
        if (samples == null) {
            samples = build("samples/articles.jsonl", "search-samples");
        }
        return samples;
    }

    private static SearchFixture build(String corpus, String database) {
        try {
            return new SearchFixture(corpus, database);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
