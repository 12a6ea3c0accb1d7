package org.shegong.search.query;

import org.shegong.search.SearchProperties;
import org.shegong.search.analysis.LexiconSource;
import org.shegong.search.index.IndexRebuilder;
import org.shegong.search.index.IndexStore;
import org.shegong.search.index.SearchBackend;
import org.shegong.search.SearchEngine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
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
 * The seed page plus a corpus, imported into H2 and indexed by a real rebuild into a temporary directory (Lucene) or
 * an index on the test OpenSearch node; built once per backend and shared by the search tests. {@link #shared}: 200
 * generated articles (bench/gen_articles.py 200 --seed 7); {@link #samples}: the 300 sample articles of the shared
 * samples.
 */
final class SearchFixture {

    static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    private static final Map<SearchBackend, SearchFixture> SHARED = new EnumMap<>(SearchBackend.class);
    private static final Map<SearchBackend, SearchFixture> SAMPLES = new EnumMap<>(SearchBackend.class);

    final ContentFixture content;
    final IndexStore index;
    final IndexRebuilder rebuilder;
    final SearchEngine engine;
    final long indexed;

    private SearchFixture(String corpusResource, String database, SearchBackend backend) throws IOException {
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
        index = backend.open(dir.resolve("index"), lexicons.load(), SearchBackend.name(database));
        SearchProperties properties = SearchProperties.defaults();
        rebuilder = new IndexRebuilder(index, content.service, new EditorialCopies(new WorkflowRepository(
                content.db.jdbc()), new RevisionRepository(content.db.jdbc()), content.service), properties, lexicons,
                clock, new org.shegong.system.outbox.OutboxBacklog(content.db.jdbc()));
        indexed = rebuilder.rebuild(n -> { });
        engine = backend.engine(index, rebuilder, properties, clock);
    }

    static synchronized SearchFixture shared(SearchBackend backend) {
        return SHARED.computeIfAbsent(backend, b -> build("search/corpus-200.jsonl", "search-fixture", b));
    }

    static synchronized SearchFixture samples(SearchBackend backend) {
        return SAMPLES.computeIfAbsent(backend, b -> build("samples/articles.jsonl", "search-samples", b));
    }

    private static SearchFixture build(String corpus, String database, SearchBackend backend) {
        try {
            // Each backend's fixture has a database of its own: tests add articles to it.
            return new SearchFixture(corpus, database + "-" + backend.name().toLowerCase(), backend);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
