package org.shegong.content.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shegong.column.Column;
import org.shegong.column.ColumnService;

/**
 * Which portal column a WordPress category goes to: the one the mapping file names (by category slug or name),
 * else the column of the same name or slug, else its parent category's column. A category with none is reported
 * once ("分类 … 没有对应栏目") and left out of the post's columns; it never vanishes silently.
 */
final class WxrColumns {

    private static final int MAX_DEPTH = 10;

    private final ColumnService columns;
    private final WxrSite site;
    private final Map<String, String> mapping;
    private final ImportReport report;
    private final Map<String, Optional<Column>> bySlug = new HashMap<>();

    WxrColumns(ColumnService columns, WxrSite site, Map<String, String> mapping, ImportReport report) {
        this.columns = columns;
        this.site = site;
        this.mapping = mapping;
        this.report = report;
    }

    /** Every target of the mapping file must be a column: a typo there would file posts nowhere. */
    static void check(ColumnService columns, Map<String, String> mapping) {
        for (Map.Entry<String, String> entry : mapping.entrySet()) {
            if (columns.byNameOrSlug(entry.getValue().strip()).isEmpty()) {
                throw new IllegalArgumentException("栏目映射 " + entry.getKey() + "=" + entry.getValue()
                        + "：没有名为或 slug 为“" + entry.getValue().strip() + "”的栏目");
            }
        }
    }

    /** The slugs of the columns of the post's categories, each once, in the post's order. */
    List<String> of(WxrPost post) {
        List<String> slugs = new ArrayList<>();
        for (WxrPost.Term term : post.categories()) {
            Optional<Column> column = bySlug.computeIfAbsent(term.slug(), slug -> resolve(post.number(), term));
            column.map(Column::slug).filter(s -> !slugs.contains(s)).ifPresent(slugs::add);
        }
        return slugs;
    }

    private Optional<Column> resolve(int number, WxrPost.Term term) {
        Optional<Column> own = direct(term.slug(), term.name());
        if (own.isPresent()) {
            return own;
        }
        String parent = site.category(term.slug()).map(WxrSite.Category::parentSlug).orElse(null);
        for (int depth = 0; parent != null && depth < MAX_DEPTH; depth++) {
            Optional<WxrSite.Category> category = site.category(parent);
            Optional<Column> inherited = direct(parent, category.map(WxrSite.Category::name).orElse(parent));
            if (inherited.isPresent()) {
                report.note(report.problem(number, "分类“" + term.name() + "”没有对应栏目，归入上级分类“"
                        + category.map(WxrSite.Category::name).orElse(parent) + "”的栏目“" + inherited.get().name() + "”"));
                return inherited;
            }
            parent = category.map(WxrSite.Category::parentSlug).orElse(null);
        }
        report.note(report.problem(number, "分类“" + term.name() + "”(" + term.slug() + ") 没有对应栏目，未计入；"
                + "可用 --columns=映射文件 指定（" + term.slug() + "=栏目名）"));
        return Optional.empty();
    }

    private Optional<Column> direct(String slug, String name) {
        String mapped = mapping.containsKey(slug) ? mapping.get(slug) : mapping.get(name);
        if (mapped != null) {
            return columns.byNameOrSlug(mapped.strip());
        }
        Optional<Column> byName = columns.byNameOrSlug(name);
        return byName.isPresent() ? byName : columns.byNameOrSlug(slug);
    }
}
