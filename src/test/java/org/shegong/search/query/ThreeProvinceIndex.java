package org.shegong.search.query;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.shegong.content.ContentFixture;
import org.shegong.content.importer.Importers;
import org.shegong.editorial.workflow.EditorialCopies;
import org.shegong.editorial.workflow.RevisionRepository;
import org.shegong.editorial.workflow.WorkflowRepository;
import org.shegong.region.data.RegionDirectory;
import org.shegong.search.SearchLoadProperties;
import org.shegong.search.SearchProperties;
import org.shegong.search.analysis.LexiconSource;
import org.shegong.search.index.IndexRebuilder;
import org.shegong.search.index.IndexedRegions;
import org.shegong.search.index.SearchIndex;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;
import org.shegong.system.outbox.OutboxBacklog;
import org.springframework.core.io.ClassPathResource;

/**
 * The 200 generated articles in an H2 database of their own, indexed by a real rebuild into a temporary directory,
 * every article in one of three provinces by its id: region counts to compare, and an index the test may add to.
 */
final class ThreeProvinceIndex implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    private static final RegionDirectory REGIONS = RegionDirectory.load("china-division-2.7.0");

    final ContentFixture content;
    final SearchIndex index;
    final IndexRebuilder rebuilder;
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final SearchProperties properties = SearchProperties.defaults();
    private final List<LuceneSearchEngine> engines = new ArrayList<>();

    ThreeProvinceIndex(String database) throws IOException {
        content = new ContentFixture(TestDatabase.open(DatabaseTarget.H2,
                "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1", "sa", ""));
        try (InputStream corpus = new ClassPathResource("search/corpus-200.jsonl").getInputStream()) {
            Importers.on(content).importJsonLines(corpus, n -> { });
        }
        Path dir = Files.createTempDirectory("shegong-" + database);
        dir.toFile().deleteOnExit();
        LexiconSource lexicons = new LexiconSource(dir.toString(), clock);
        index = new SearchIndex(dir.resolve("index"), lexicons.load());
        index.useRegions(ThreeProvinceIndex::regions);
        rebuilder = new IndexRebuilder(index, content.service, new EditorialCopies(
                new WorkflowRepository(content.db.jdbc()), new RevisionRepository(content.db.jdbc()), content.service),
                properties, lexicons, clock, new OutboxBacklog(content.db.jdbc()), Duration.ZERO);
        rebuilder.rebuild(n -> { });
    }

    /** The site's engine on this index: region words, a result cache and a gate as the load says; stopped on close. */
    LuceneSearchEngine engine(SearchLoadProperties load, SearchGate gate) {
        return kept(new LuceneSearchEngine(index, rebuilder, properties, clock, REGIONS, load, gate));
    }

    /** An engine with region words but without cache or gate: every call searches, the counts always whole. */
    LuceneSearchEngine ungatedEngine() {
        return kept(new LuceneSearchEngine(index, rebuilder, properties, clock, REGIONS));
    }

    private LuceneSearchEngine kept(LuceneSearchEngine engine) {
        engines.add(engine);
        return engine;
    }

    private static IndexedRegions.Codes regions(long articleId) {
        String province = List.of("110000", "210000", "320000").get((int) (articleId % 3));
        return new IndexedRegions.Codes(Set.of(province), Set.of(province));
    }

    @Override
    public void close() {
        engines.forEach(LuceneSearchEngine::stopHelpers);
        index.close();
    }
}
