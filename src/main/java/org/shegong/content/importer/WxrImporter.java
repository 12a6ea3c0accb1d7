package org.shegong.content.importer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.LongConsumer;
import org.shegong.column.ColumnService;
import org.shegong.system.Times;
import org.springframework.stereotype.Service;

/**
 * Imports a WordPress export (WXR) through the same path as JSON Lines ({@link ArticleImporter}): the file is
 * first read through once to check it and learn its authors, categories and attachments, so a malformed or
 * foreign file stores nothing; then its posts become import items, stored in batches with the same external-id
 * matching, checks, near-duplicate notes and "第 N 项" reports. Decision: docs/adr/0051.
 */
@Service
public class WxrImporter {

    private final ArticleImporter importer;
    private final ColumnService columns;

    public WxrImporter(ArticleImporter importer, ColumnService columns) {
        this.importer = importer;
        this.columns = columns;
    }

    /**
     * How to file what the export holds. {@code uploads} is the old site's wp-content/uploads folder (null: pictures
     * keep their old addresses); {@code columnMap} maps category slugs or names to column names or slugs;
     * {@code defaultColumn} takes posts none of whose categories has a column; {@code pagesColumn} takes pages
     * (null: pages are left out and reported); {@code offset} dates posts without a GMT date when the export's
     * own dated posts do not show the site's offset.
     */
    public record Options(Path uploads, Map<String, String> columnMap, String defaultColumn, String pagesColumn,
                          boolean skipSimilar, ZoneOffset offset) {

        public Options {
            columnMap = columnMap == null ? Map.of() : Map.copyOf(columnMap);
            offset = offset == null ? Times.CHINA.getRules().getOffset(java.time.Instant.EPOCH) : offset;
        }

        public static Options defaults() {
            return new Options(null, Map.of(), null, null, false, null);
        }
    }

    /** What the first pass found: the items to expect, for a progress bar. */
    public interface Progress {
        void started(int items);

        void stored(long items);
    }

    public ImportReport importFile(Path file, Options options, ImportMedia media, Progress progress)
            throws IOException {
        WxrSite site;
        try (InputStream in = open(file)) {
            site = WxrReader.scan(in);
        }
        WxrColumns.check(columns, options.columnMap());
        for (String column : new String[] {options.defaultColumn(), options.pagesColumn()}) {
            if (column != null && columns.byNameOrSlug(column).isEmpty()) {
                throw new IllegalArgumentException("没有名为或 slug 为“" + column + "”的栏目");
            }
        }
        progress.started(site.articles());
        ImportReport report = new ImportReport(ImportProblem.ITEM);
        MediaFiles files = options.uploads() == null ? MediaFiles.NONE : MediaFiles.inside(options.uploads(), media);
        WxrItems items = new WxrItems(site, options, new WxrColumns(columns, site, options.columnMap(), report), files,
                report);
        LongConsumer stored = progress::stored;
        return importer.importItems(sink -> {
            try (InputStream in = open(file)) {
                WxrReader.read(in, post -> items.toItem(post).ifPresent(sink));
            }
        }, report, stored, options.skipSimilar(), files);
    }

    private static InputStream open(Path file) throws IOException {
        return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    }

    /** A column mapping file: properties in UTF-8, "分类名或slug=栏目名或slug" per line. */
    public static Map<String, String> readMapping(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        properties.forEach((key, value) -> mapping.put(key.toString().strip(), value.toString().strip()));
        return mapping;
    }
}
