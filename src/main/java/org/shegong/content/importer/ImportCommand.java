package org.shegong.content.importer;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.shegong.system.backup.ArchiveManifest;
import org.shegong.system.backup.ArchiveRejected;
import org.shegong.system.backup.SiteImporter;
import org.shegong.system.cli.CliCommand;
import org.shegong.system.cli.ProgressBar;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code import FILE [--column=NAME] [--format=jsonl|listing|wxr] [--bulk]}: JSON Lines by default for *.jsonl /
 * *.json, a WordPress export (WXR) for *.xml, the seed listing format otherwise; {@code --bulk} takes the
 * {@link BulkImporter} path (JSON Lines only). Exit code 0 when every line was imported, 2 when some failed,
 * 65 when the file is not a well-formed WordPress export (nothing stored). A site archive written by {@code export}
 * (a zip, detected by content) is imported whole instead: 0 when done, 65 when refused.
 */
@Component
class ImportCommand implements CliCommand {

    private static final Logger log = LoggerFactory.getLogger(ImportCommand.class);
    private static final Set<String> WXR_OPTIONS = Set.of("--uploads", "--columns", "--pages-column", "--timezone");

    private final ArticleImporter importer;
    private final BulkImporter bulkImporter;

    private final ObjectProvider<ImportMedia> media;
    private final SiteImporter siteImporter;
    private final WxrImporter wxrImporter;

    ImportCommand(ArticleImporter importer, BulkImporter bulkImporter, ObjectProvider<ImportMedia> media,
                  SiteImporter siteImporter, WxrImporter wxrImporter) {
        this.media = media;
        this.siteImporter = siteImporter;
        this.wxrImporter = wxrImporter;
        this.importer = importer;
        this.bulkImporter = bulkImporter;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String usage() {
        return "import FILE|SITE.zip [--column=栏目名或slug] [--format=jsonl|listing|wxr] [--bulk] [--skip-similar]"
                + " [--uploads=wp-content/uploads目录] [--columns=分类映射.properties] [--pages-column=栏目]"
                + " [--timezone=+08:00]";
    }

    @Override
    public int run(List<String> arguments) throws IOException {
        String file = null;
        String column = null;
        String format = null;
        boolean bulk = false;
        boolean skipSimilar = false;
        Map<String, String> wxr = new HashMap<>();
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            String option = equals > 0 ? argument.substring(0, equals) : argument;
            if (WXR_OPTIONS.contains(option)) {
                wxr.put(option, argument.substring(equals + 1));
            } else if (argument.equals("--bulk")) {
                bulk = true;
            } else if (argument.equals("--skip-similar")) {
                skipSimilar = true;
            } else if (argument.startsWith("--column=")) {
                column = argument.substring("--column=".length());
            } else if (argument.startsWith("--format=")) {
                format = argument.substring("--format=".length());
            } else if (file == null && !argument.startsWith("--")) {
                file = argument;
            }
        }
        if (file == null) {
            System.err.println("用法: java -jar shegong.jar " + usage());
            return 64;
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            System.err.println("找不到文件: " + path.toAbsolutePath());
            return 66;
        }
        if (format == null && SiteImporter.isArchive(path)) {
            return importSite(path, column != null || bulk || skipSimilar);
        }
        boolean jsonLines = format == null ? file.endsWith(".jsonl") || file.endsWith(".json") : format.equals("jsonl");
        if (format == null ? file.endsWith(".xml") : format.equals("wxr")) {
            if (bulk) {
                System.err.println("--bulk 只用于 JSON Lines 文件 (.jsonl 或 --format=jsonl)");
                return 64;
            }
            return importWxr(path, column, skipSimilar, wxr);
        }
        if (bulk && skipSimilar) {
            System.err.println("--skip-similar 不能与 --bulk 同用：批量导入不逐条比对相似文章");
            return 64;
        }
        if (bulk && !jsonLines) {
            System.err.println("--bulk 只用于 JSON Lines 文件 (.jsonl 或 --format=jsonl)");
            return 64;
        }
        long started = System.nanoTime();
        ImportReport report = jsonLines ? importJsonLines(path, bulk, skipSimilar) : importListing(path, column);
        return finish(report, path, bulk ? "批量" : "", "行", started);
    }

    private static int finish(ImportReport report, Path path, String prefix, String unit, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        List.of(report.problems(), report.similarities(), report.notes()).forEach(list -> list.forEach(System.err::println));
        log.info("{}导入完成 {}: {} ({} {}, {} 秒, {} {}/秒)", prefix, path.getFileName(), report, report.processed(),
                unit, "%.1f".formatted(seconds), "%.0f".formatted(report.processed() / Math.max(seconds, 0.001)), unit);
        return report.failed() == 0 ? 0 : 2;
    }

    /** A site archive (a zip, told by its first bytes) goes whole into an empty database (docs/adr/0052). */
    private int importSite(Path path, boolean withArticleOptions) throws IOException {
        if (withArticleOptions) {
            System.err.println("站点归档整体导入, 不接受 --column / --bulk / --skip-similar");
            return 64;
        }
        try {
            ArchiveManifest manifest = siteImporter.importArchive(path);
            System.out.printf("已导入站点归档 %s: %d 行, %d 个文件。导入的账户须先重设密码才能登录 "
                    + "(java -jar shegong.jar reset-password 用户名)%n", path.getFileName(), manifest.rows(),
                    manifest.mediaFiles());
            return 0;
        } catch (ArchiveRejected e) {
            System.err.println("导入被拒绝: " + e.getMessage());
            return 65;
        }
    }

    /** A WordPress export: checked whole before anything is stored, then imported like JSON Lines. */
    private int importWxr(Path path, String column, boolean skipSimilar, Map<String, String> options)
            throws IOException {
        long started = System.nanoTime();
        ProgressBar bar = ProgressBar.forConsole(ImportProblem.ITEM);
        try {
            String uploads = options.get("--uploads");
            if (uploads != null && !Files.isDirectory(Path.of(uploads))) {
                System.err.println("找不到上传文件目录 (--uploads): " + Path.of(uploads).toAbsolutePath());
                return 66;
            }
            Map<String, String> mapping = options.containsKey("--columns")
                    ? WxrImporter.readMapping(Path.of(options.get("--columns"))) : Map.of();
            ZoneOffset offset = options.containsKey("--timezone") ? ZoneOffset.of(options.get("--timezone")) : null;
            WxrImporter.Options wxr = new WxrImporter.Options(uploads == null ? null : Path.of(uploads), mapping, column,
                    options.get("--pages-column"), skipSimilar, offset);
            int[] total = {0};
            long[] logged = {0};
            ImportReport report = wxrImporter.importFile(path, wxr, media.getIfAvailable(), new WxrImporter.Progress() {
                @Override
                public void started(int items) {
                    total[0] = items;
                    log.info("文件检查通过: {} 篇文章和页面", items);
                }

                @Override
                public void stored(long items) {
                    bar.update(items, total[0], items);
                    if (items / 50_000 > logged[0]) {
                        logged[0] = items / 50_000;
                        log.info("已导入 {} 项 ({}%)", items, total[0] == 0 ? 100 : items * 100 / total[0]);
                    }
                }
            });
            bar.finish();
            return finish(report, path, "WordPress ", ImportProblem.ITEM, started);
        } catch (WxrReader.WxrFormatException e) {
            System.err.println(path.getFileName() + ": " + e.getMessage());
            return 65;
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            System.err.println(e.getMessage());
            return 64;
        }
    }

    private ImportReport importListing(Path path, String column) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return importer.importListing(in, column);
        }
    }

    private ImportReport importJsonLines(Path path, boolean bulk, boolean skipSimilar) throws IOException {
        long size = Files.size(path);
        AtomicLong bytes = new AtomicLong();
        ProgressBar bar = ProgressBar.forConsole();
        long[] lastLogged = {0};
        try (InputStream in = new CountingInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16), bytes)) {
            LongConsumer progress = lines -> {
                bar.update(bytes.get(), size, lines);
                if (lines - lastLogged[0] >= 50_000) {
                    lastLogged[0] = lines;
                    log.info("已读取 {} 行 ({}%)", lines, size == 0 ? 100 : bytes.get() * 100 / size);
                }
            };
            ImportReport report = bulk ? bulkImporter.importJsonLines(in, progress)
                    : importer.importJsonLines(in, progress, skipSimilar,
                            MediaFiles.beside(path, media.getIfAvailable()));
            bar.finish();
            return report;
        }
    }

    /** Counts bytes read, to show progress through the file without knowing its line count. */
    private static final class CountingInputStream extends FilterInputStream {

        private final AtomicLong count;

        CountingInputStream(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
