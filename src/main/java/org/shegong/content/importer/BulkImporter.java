package org.shegong.content.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.shegong.content.ArticleService.SaveOutcome.Change;
import org.shegong.content.BulkArticles;
import org.shegong.content.PreparedArticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bulk path for JSON Lines ({@code import --bulk}): the same checks, outcomes and {@code 第 N 行} reports
 * as {@link ArticleImporter}. One thread reads ahead and cuts the file into chunks of {@value #CHUNK} lines, worker
 * threads parse, sanitise and summarise them, and the calling thread writes them in file order with batched
 * statements, one transaction per chunk. No outbox event per article: one {@code articles.bulk_imported} at the
 * end (see docs/adr/0016). About {@code 2 × workers + 3} chunks are in memory at most, whatever the file's size.
 */
@Service
public class BulkImporter {

    static final int CHUNK = 1_000;
    /** Queued by the reader after the last chunk. */
    private static final Future<Chunk> END = CompletableFuture.completedFuture(null);
    private static final Logger log = LoggerFactory.getLogger(BulkImporter.class);

    private final BulkArticles articles;
    private final ImportItemMapper mapper;
    private final TransactionTemplate transactions;
    private final int workers;
    private final int chunk;

    @Autowired
    BulkImporter(BulkArticles articles, ImportItemMapper mapper, TransactionTemplate transactions) {
        this(articles, mapper, transactions, Runtime.getRuntime().availableProcessors(), CHUNK);
    }

    BulkImporter(BulkArticles articles, ImportItemMapper mapper, TransactionTemplate transactions, int workers,
                 int chunk) {
        this.articles = articles;
        this.mapper = mapper;
        this.transactions = transactions;
        this.workers = Math.max(1, workers);
        this.chunk = chunk;
    }

    /** Imports JSON Lines; {@code progress} receives the number of lines stored so far. */
    public ImportReport importJsonLines(InputStream in, LongConsumer progress) throws IOException {
        ImportReport report = new ImportReport();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers + 1, r -> {
            Thread t = new Thread(r, "bulk-import-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        BlockingQueue<Future<Chunk>> ready = new ArrayBlockingQueue<>(2 * workers);
        Future<Void> reading = pool.submit(() -> read(in, pool, ready));
        boolean finished = false;
        try {
            for (Future<Chunk> next = take(ready); next != END; next = take(ready)) {
                store(await(next), report, progress);
            }
            await(reading); // a read error (malformed UTF-8, a failing disk) ends the import after what was read
            finished = true;
            if (report.created() + report.updated() > 0) {
                articles.refreshStatistics();
            }
        } finally {
            pool.shutdownNow();
            announce(report, finished);
        }
        return report;
    }

    /**
     * On its own thread: cuts the file into chunks, hands each to a worker and queues the result in file order
     * (waiting while the queue is full, which bounds the memory held), then {@link #END}.
     */
    private Void read(InputStream in, ExecutorService pool, BlockingQueue<Future<Chunk>> ready)
            throws IOException, InterruptedException {
        try (BufferedReader reader = ArticleImporter.reader(in)) {
            List<Line> lines = new ArrayList<>(chunk);
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (!text.isBlank()) {
                    lines.add(new Line(number, text));
                }
                if (number % chunk == 0) {
                    ready.put(pool.submit(prepare(lines, number)));
                    lines = new ArrayList<>(chunk);
                }
            }
            ready.put(pool.submit(prepare(lines, number)));
        } finally {
            ready.put(END);
        }
        return null;
    }

    /** Parses and checks one chunk's lines and derives what storing them needs (on a worker thread). */
    private Callable<Chunk> prepare(List<Line> lines, int lastLine) {
        return () -> {
            List<ImportProblem> problems = new ArrayList<>();
            List<Item> items = new ArrayList<>(lines.size());
            for (Line line : lines) {
                try {
                    ImportItem item = JsonLinesParser.parse(line.number(), line.text());
                    items.add(new Item(line.number(),
                            PreparedArticle.of(mapper.toInput(item, null, item.publishedAt()))));
                } catch (ImportRejected e) {
                    problems.add(new ImportProblem(line.number(), e.getMessage()));
                }
            }
            return new Chunk(lastLine, problems, items);
        };
    }

    private void store(Chunk chunk, ImportReport report, LongConsumer progress) {
        chunk.problems().forEach(report::countFailed);
        if (!chunk.items().isEmpty()) {
            try {
                List<Change> changes = transactions.execute(
                        s -> articles.saveAll(chunk.items().stream().map(Item::article).toList()));
                changes.forEach(change -> count(report, change));
            } catch (RuntimeException chunkFailure) {
                // One line the database refused must not sink the others: retry them one by one.
                log.debug("Chunk failed, retrying line by line", chunkFailure);
                for (Item item : chunk.items()) {
                    try {
                        count(report, transactions.execute(s -> articles.saveAll(List.of(item.article()))).get(0));
                    } catch (RuntimeException e) {
                        report.countFailed(new ImportProblem(item.line(), "数据库拒绝: " + ArticleImporter.rootMessage(e)));
                    }
                }
            }
        }
        progress.accept(chunk.lastLine());
    }

    private static void count(ImportReport report, Change change) {
        switch (change) {
            case CREATED -> report.countCreated();
            case UPDATED -> report.countUpdated();
            case UNCHANGED -> report.countUnchanged();
        }
    }

    /**
     * Writes the one event for the whole run, also when every line was unchanged: re-running an interrupted
     * import is how its stored-but-unannounced articles reach the search index. An import that failed part-way
     * still announces what it stored, without hiding the failure.
     */
    private void announce(ImportReport report, boolean finished) {
        if (report.created() + report.updated() + report.unchanged() == 0) {
            return;
        }
        String payload = "{\"created\":%d,\"updated\":%d,\"unchanged\":%d}"
                .formatted(report.created(), report.updated(), report.unchanged());
        try {
            articles.announce(payload);
        } catch (RuntimeException e) {
            if (finished) {
                throw e;
            }
            log.error("导入中断，且未能写入 articles.bulk_imported 事件；请重新运行导入", e);
        }
    }

    private static Future<Chunk> take(BlockingQueue<Future<Chunk>> ready) throws IOException {
        try {
            return ready.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("导入被中断", e);
        }
    }

    private static <T> T await(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("导入被中断", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private record Line(int number, String text) {
    }

    private record Item(int line, PreparedArticle article) {
    }

    private record Chunk(int lastLine, List<ImportProblem> problems, List<Item> items) {
    }
}
