package org.shegong.content.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.shegong.content.ArticleInput;
import org.shegong.content.ArticleRepository;
import org.shegong.content.ArticleService;
import org.shegong.content.ArticleService.SaveOutcome;
import org.shegong.content.similar.NearDuplicates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports articles from the seed listing format or JSON Lines. Lines are read as a stream and stored in
 * batches of {@value #BATCH} per transaction, so a file of a million lines needs no more memory than one
 * batch. A bad line is reported with its number and reason; the good lines around it are still imported.
 */
@Service
public class ArticleImporter {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(ArticleImporter.class);

    private final ArticleService articles;
    private final ImportItemMapper mapper;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public ArticleImporter(ArticleService articles, ImportItemMapper mapper, TransactionTemplate transactions,
                           Clock clock) {
        this.articles = articles;
        this.mapper = mapper;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Imports a seed-style listing page into {@code column} (a column name or slug; the page's own header if null). */
    public ImportReport importListing(InputStream in, String column) throws IOException {
        return importListing(in, column, null);
    }

    /**
     * Imports a listing page whose items get believable dates instead of the time of import: the first item
     * whose title contains {@code anchor.marker()} is published on {@code anchor.day()} and the others are
     * spread around it in page order (see {@link SeedDates}). A null anchor dates them from now.
     */
    public ImportReport importListing(InputStream in, String column, DateAnchor anchor) throws IOException {
        List<String> lines = reader(in).lines().toList();
        SeedListingParser.Listing listing = SeedListingParser.parse(lines, clock.instant());
        String target = column != null ? column : listing.columnName();
        List<ImportItem> items = anchor == null ? listing.items()
                : SeedDates.around(listing.items(), SeedDates.indexOf(listing.items(), anchor.marker()), anchor.day());
        ImportReport report = new ImportReport();
        Batch batch = new Batch(report, target, false);
        for (ImportItem item : items) {
            batch.add(item);
        }
        batch.flush();
        return report;
    }

    /** Imports JSON Lines; {@code progress} receives the number of lines read so far. */
    public ImportReport importJsonLines(InputStream in, LongConsumer progress) throws IOException {
        return importJsonLines(in, progress, false);
    }

    /**
     * Imports JSON Lines; a new item nearly the same as a stored article is reported ("第 N 行: 与第 X 号文章相似")
     * and, with {@code skipSimilar}, not imported.
     */
    public ImportReport importJsonLines(InputStream in, LongConsumer progress, boolean skipSimilar)
            throws IOException {
        return importJsonLines(in, progress, skipSimilar, MediaFiles.NONE);
    }

    /** As above, with the item-type fields' files read from {@code files} (beside the import file). */
    public ImportReport importJsonLines(InputStream in, LongConsumer progress, boolean skipSimilar, MediaFiles files)
            throws IOException {
        ImportReport report = new ImportReport();
        Batch batch = new Batch(report, null, skipSimilar);
        batch.files = files;
        try (BufferedReader reader = reader(in)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    try {
                        batch.add(JsonLinesParser.parse(number, line));
                    } catch (ImportRejected e) {
                        report.countFailed(new ImportProblem(number, e.getMessage()));
                    }
                }
                if (number % BATCH == 0) {
                    batch.flush();
                    progress.accept(number);
                }
            }
            batch.flush();
            progress.accept(number);
        }
        return report;
    }

    /**
     * Imports the items another reader produces (the WordPress export): the same batches, external-id matching,
     * checks, near-duplicate notes and reports as JSON Lines, counted in {@code report}'s unit. {@code progress}
     * receives the number of items stored so far.
     */
    ImportReport importItems(ItemSource source, ImportReport report, LongConsumer progress, boolean skipSimilar,
                             MediaFiles files) throws IOException {
        Batch batch = new Batch(report, null, skipSimilar);
        batch.files = files;
        long[] count = {0};
        source.readInto(item -> {
            batch.add(item);
            if (++count[0] % BATCH == 0) {
                progress.accept(count[0]);
            }
        });
        batch.flush();
        progress.accept(count[0]);
        return report;
    }

    /** Reads items and hands each to the sink, in file order; reports its own rejections. */
    interface ItemSource {
        void readInto(java.util.function.Consumer<ImportItem> sink) throws IOException;
    }

    /** The day one item of an undated listing page was published on, found by a part of its title. */
    public record DateAnchor(String marker, java.time.LocalDate day) {
    }

    static BufferedReader reader(InputStream in) {
        // Malformed UTF-8 is a failed line, not a silently mangled title.
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
    }

    /** Items waiting to be stored together. */
    private final class Batch {

        private final ImportReport report;
        private final String defaultColumn;
        private final boolean skipSimilar;
        private final List<ImportItem> items = new ArrayList<>(BATCH);
        /** Where files named by item-type fields are read; set for JSON Lines from a file. */
        private MediaFiles files = MediaFiles.NONE;

        Batch(ImportReport report, String defaultColumn, boolean skipSimilar) {
            this.report = report;
            this.defaultColumn = defaultColumn;
            this.skipSimilar = skipSimilar;
        }

        void add(ImportItem item) {
            items.add(item);
            if (items.size() >= BATCH) {
                flush();
            }
        }

        void flush() {
            if (items.isEmpty()) {
                return;
            }
            try {
                List<Runnable> tally = transactions.execute(s -> store(items));
                tally.forEach(Runnable::run);
            } catch (RuntimeException batchFailure) {
                // One line the database refused must not sink the other 499: retry them one by one.
                log.debug("Batch failed, retrying line by line", batchFailure);
                for (ImportItem item : items) {
                    try {
                        List<Runnable> tally = transactions.execute(s -> store(List.of(item)));
                        tally.forEach(Runnable::run);
                    } catch (RuntimeException e) {
                        report.countFailed(report.problem(item.line(), "数据库拒绝: " + rootMessage(e)));
                    }
                }
            }
            items.clear();
        }

        /** Stores the items; returns the report updates to apply once the transaction has committed. */
        private List<Runnable> store(List<ImportItem> batch) {
            List<Runnable> tally = new ArrayList<>();
            Map<String, ImportItem> byId = new LinkedHashMap<>();
            for (ImportItem item : batch) {
                if (item.externalId() != null) {
                    byId.put(item.externalId(), item);
                }
            }
            Map<String, ArticleRepository.Stored> existing = articles.existing(byId.keySet());
            for (ImportItem item : batch) {
                ArticleRepository.Stored stored = item.externalId() == null ? null : existing.get(item.externalId());
                ArticleInput input;
                try {
                    Instant publishedAt = item.keepStoredPublishedAt() && stored != null ? stored.publishedAt()
                            : item.publishedAt();
                    input = mapper.toInput(item, defaultColumn, publishedAt, files);
                } catch (ImportRejected e) {
                    tally.add(() -> report.countFailed(report.problem(item.line(), e.getMessage())));
                    continue;
                }
                if (stored == null) {
                    List<NearDuplicates.Match> similar = articles.similarTo(input, null);
                    if (!similar.isEmpty()) {
                        NearDuplicates.Match closest = similar.get(0);
                        ImportProblem note = report.problem(item.line(), "与第 " + closest.articleId() + " 号文章相似（"
                                + JsonLinesParser.abbreviate(closest.title()) + "）" + (skipSimilar ? "，已跳过" : ""));
                        tally.add(() -> report.countSimilar(note, skipSimilar));
                        if (skipSimilar) {
                            continue;
                        }
                    }
                }
                SaveOutcome outcome = articles.save(input, stored);
                if (input.externalId() != null) {
                    existing.put(input.externalId(), new ArticleRepository.Stored(outcome.id(),
                            ArticleService.contentHash(input), input.publishedAt()));
                }
                tally.add(switch (outcome.change()) {
                    case CREATED -> report::countCreated;
                    case UPDATED -> report::countUpdated;
                    case UNCHANGED -> report::countUnchanged;
                });
            }
            return tally;
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }
}
