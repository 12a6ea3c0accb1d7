package org.shegong.content.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shegong.column.Column;
import org.shegong.column.ColumnService;
import org.shegong.content.ArticleInput;
import org.shegong.content.BodyHtml;
import org.shegong.content.Kind;
import org.shegong.content.KindFields;
import org.springframework.stereotype.Component;

/** Checks an imported item against the site (its columns, the field limits) and makes it an ArticleInput. */
@Component
class ImportItemMapper {

    static final String DIGEST_COLUMN = "weekly";
    private static final List<String> FILE_FIELDS = List.of("cover", "image", "attachment", "video", "poster");

    private final ColumnService columns;

    ImportItemMapper(ColumnService columns) {
        this.columns = columns;
    }

    ArticleInput toInput(ImportItem item, String defaultColumn, java.time.Instant publishedAt) {
        return toInput(item, defaultColumn, publishedAt, MediaFiles.NONE);
    }

    ArticleInput toInput(ImportItem item, String defaultColumn, java.time.Instant publishedAt, MediaFiles files) {
        Kind kind = item.kind() == null ? Kind.guessFromTitle(item.title())
                : Kind.parse(item.kind()).orElseThrow(() -> new ImportRejected("未知的类型 (kind): "
                        + JsonLinesParser.abbreviate(item.kind())));
        List<Long> columnIds = columnIds(item, defaultColumn, kind);
        if (item.externalId() != null && item.externalId().length() > 128) {
            throw new ImportRejected("编号 (id) 超过 128 个字符");
        }
        limit("标题 (title)", item.title(), 300);
        limit("副标题 (subtitle)", item.subtitle(), 300);
        limit("摘要 (summary)", item.summary(), 1000);
        limit("来源 (source)", item.source(), 200);
        limit("作者 (author)", item.author(), 200);
        limit("责任编辑 (editor)", item.editor(), 100);
        limit("地区 (region)", item.region(), 100);
        for (String tag : item.tags()) {
            limit("标签 (tags)", tag, 64);
        }
        if (item.tags().size() > 20) {
            throw new ImportRejected("标签 (tags) 超过 20 个");
        }
        return ArticleInput.builder(item.title(), columnIds).externalId(item.externalId()).subtitle(item.subtitle())
                .summary(item.summary()).bodyHtml(BodyHtml.normalise(item.body())).source(item.source())
                .author(item.author()).editor(item.editor()).kind(kind).featured(item.featured()).tags(item.tags())
                .region(item.region()).publishedAt(publishedAt).status(item.status())
                .fields(fields(item, files)).build();
    }

    /** The item-type fields, with files given by path stored and replaced by their addresses. */
    private static KindFields fields(ImportItem item, MediaFiles files) {
        if (item.fields().isEmpty()) {
            return KindFields.NONE;
        }
        Map<String, String> resolved = new HashMap<>(item.fields());
        for (String name : FILE_FIELDS) {
            String value = resolved.get(name);
            if (value != null) {
                resolved.put(name, files.resolve(value));
            }
        }
        try {
            return KindFields.fromMap(resolved).checked();
        } catch (IllegalArgumentException e) {
            throw new ImportRejected(e.getMessage());
        }
    }

    private List<Long> columnIds(ImportItem item, String defaultColumn, Kind kind) {
        List<String> names = item.columns().isEmpty() && defaultColumn != null ? List.of(defaultColumn) : item.columns();
        if (names.isEmpty()) {
            throw new ImportRejected("缺少栏目 (column)");
        }
        List<Long> ids = new ArrayList<>();
        for (String name : names) {
            Column column = columns.byNameOrSlug(name)
                    .orElseThrow(() -> new ImportRejected("未知的栏目 (column): " + JsonLinesParser.abbreviate(name)));
            if (!ids.contains(column.id())) {
                ids.add(column.id());
            }
        }
        // The weekly digest lives in its own column and is listed in the news columns too, as on the seed page.
        if (kind == Kind.DIGEST) {
            columns.bySlug(DIGEST_COLUMN).filter(c -> !ids.contains(c.id())).ifPresent(c -> ids.add(c.id()));
        }
        return ids;
    }

    private static void limit(String field, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            throw new ImportRejected(field + " 超过 " + max + " 个字符");
        }
    }
}
