package org.shegong.column;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.shegong.system.Times;
import org.shegong.system.db.GeneratedKeys;
import org.shegong.system.outbox.OutboxEvent;
import org.shegong.system.outbox.OutboxWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to the column tree. Each change and its {@code column.changed} event commit together, so the
 * in-memory tree, the page cache and the navigation follow every committed change and no other.
 */
@Service
public class ColumnAdminService {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_DEPTH = 16; // ColumnService.path stops there

    private final JdbcClient jdbc;
    private final ColumnRepository repository;
    private final OutboxWriter outbox;
    private final Clock clock;

    public ColumnAdminService(JdbcClient jdbc, ColumnRepository repository, OutboxWriter outbox, Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The tree as stored now (not the cached copy, which follows a moment later). */
    public List<Column> current() {
        return repository.findAll();
    }

    /** The tree in display order, each column after its parent, with its depth. */
    public List<Placed> tree() {
        List<Column> all = current();
        Map<Long, List<Column>> children = all.stream().filter(c -> c.parentId() != null)
                .collect(Collectors.groupingBy(Column::parentId));
        List<Placed> placed = new ArrayList<>();
        all.stream().filter(c -> c.parentId() == null).forEach(root -> place(root, 0, children, placed));
        return placed;
    }

    /** A column and how deep it sits (0 for the top level). */
    public record Placed(Column column, int depth) {
    }

    private static void place(Column column, int depth, Map<Long, List<Column>> children, List<Placed> out) {
        out.add(new Placed(column, depth));
        for (Column child : children.getOrDefault(column.id(), List.of())) {
            place(child, depth + 1, children, out);
        }
    }

    @Transactional(noRollbackFor = ColumnChangeException.class) // refused before any write
    public long add(Long parentId, String slug, String name, String description) {
        List<Column> all = current();
        if (parentId != null) {
            find(all, parentId);
            checkDepth(all, parentId);
        }
        String checkedSlug = checkSlug(all, slug, null);
        String checkedName = checkName(name);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO column_node (parent_id, slug, name, description, sort_order, visible, created_at)
                VALUES (?, ?, ?, ?, ?, TRUE, ?)""")
                .params(parentId, checkedSlug, checkedName, checkDescription(description),
                        nextSortOrder(all, parentId), Times.toDb(clock.instant()))
                .update(keys);
        long id = GeneratedKeys.id(keys);
        changed(id);
        return id;
    }

    @Transactional(noRollbackFor = ColumnChangeException.class)
    public void rename(long id, String slug, String name, String description) {
        List<Column> all = current();
        find(all, id);
        jdbc.sql("UPDATE column_node SET slug = ?, name = ?, description = ? WHERE id = ?")
                .params(checkSlug(all, slug, id), checkName(name), checkDescription(description), id).update();
        changed(id);
    }

    /** Swaps the column with its previous (up) or next sibling; at either end nothing changes. */
    @Transactional(noRollbackFor = ColumnChangeException.class)
    public boolean shift(long id, boolean up) {
        List<Column> all = current();
        Column column = find(all, id);
        List<Column> siblings = all.stream().filter(c -> Objects.equals(c.parentId(), column.parentId())).toList();
        int index = siblings.indexOf(column);
        int other = up ? index - 1 : index + 1;
        if (other < 0 || other >= siblings.size()) {
            return false;
        }
        // Renumber the siblings in their new order: equal sort orders (possible in imported data) cannot stick.
        List<Column> reordered = new ArrayList<>(siblings);
        reordered.set(index, siblings.get(other));
        reordered.set(other, column);
        for (int i = 0; i < reordered.size(); i++) {
            jdbc.sql("UPDATE column_node SET sort_order = ? WHERE id = ?").params((i + 1) * 10, reordered.get(i).id())
                    .update();
        }
        changed(id);
        return true;
    }

    /** Moves the column (with its subtree) under another parent, or to the top level when parent is null. */
    @Transactional(noRollbackFor = ColumnChangeException.class)
    public void move(long id, Long parentId) {
        List<Column> all = current();
        Column column = find(all, id);
        if (Objects.equals(column.parentId(), parentId)) {
            return;
        }
        if (parentId != null) {
            find(all, parentId);
            Map<Long, Column> byId = all.stream().collect(Collectors.toMap(Column::id, Function.identity()));
            for (Long at = parentId; at != null; at = byId.get(at).parentId()) {
                if (at == id) {
                    throw ColumnChangeException.invalid("不能把栏目移到它自己或它的下级栏目之下");
                }
            }
            if (depth(all, parentId) + 1 + height(all, id) > MAX_DEPTH) {
                throw ColumnChangeException.invalid("栏目层级不能超过 " + MAX_DEPTH + " 层");
            }
        }
        jdbc.sql("UPDATE column_node SET parent_id = ?, sort_order = ? WHERE id = ?")
                .params(parentId, nextSortOrder(all, parentId), id).update();
        changed(id);
    }

    @Transactional(noRollbackFor = ColumnChangeException.class)
    public void setVisible(long id, boolean visible) {
        find(current(), id);
        jdbc.sql("UPDATE column_node SET visible = ? WHERE id = ?").params(visible, id).update();
        changed(id);
    }

    private void changed(long id) {
        outbox.append(OutboxEvent.COLUMN_CHANGED, id, null);
    }

    private static Column find(List<Column> all, long id) {
        return all.stream().filter(c -> c.id() == id).findFirst().orElseThrow(ColumnChangeException::missing);
    }

    private static int nextSortOrder(List<Column> all, Long parentId) {
        return all.stream().filter(c -> Objects.equals(c.parentId(), parentId)).mapToInt(Column::sortOrder)
                .max().orElse(0) + 10;
    }

    private static void checkDepth(List<Column> all, long parentId) {
        if (depth(all, parentId) + 1 >= MAX_DEPTH) {
            throw ColumnChangeException.invalid("栏目层级不能超过 " + MAX_DEPTH + " 层");
        }
    }

    private static int depth(List<Column> all, long id) {
        int depth = 0;
        for (Long at = find(all, id).parentId(); at != null && depth <= MAX_DEPTH; at = find(all, at).parentId()) {
            depth++;
        }
        return depth;
    }

    private static int height(List<Column> all, long id) {
        return all.stream().filter(c -> Objects.equals(c.parentId(), id)).mapToInt(c -> 1 + height(all, c.id()))
                .max().orElse(0);
    }

    private static String checkSlug(List<Column> all, String slug, Long self) {
        String value = slug == null ? "" : slug.strip();
        if (value.isEmpty() || value.length() > 64 || !SLUG.matcher(value).matches()) {
            throw ColumnChangeException.invalid("栏目标识只能由小写字母 a-z、数字和连字符组成（不以连字符开头或结尾），最长 64 个字符");
        }
        if (all.stream().anyMatch(c -> c.slug().equals(value) && !Objects.equals(c.id(), self))) {
            throw ColumnChangeException.invalid("栏目标识“" + value + "”已被其他栏目使用");
        }
        return value;
    }

    private static String checkName(String name) {
        String value = name == null ? "" : name.strip();
        if (value.isEmpty() || value.codePointCount(0, value.length()) > 64) {
            throw ColumnChangeException.invalid("栏目名称不能为空，最长 64 个字");
        }
        return value;
    }

    private static String checkDescription(String description) {
        String value = description == null ? "" : description.strip();
        if (value.codePointCount(0, value.length()) > 500) {
            throw ColumnChangeException.invalid("栏目说明最长 500 个字");
        }
        return value.isEmpty() ? null : value;
    }
}
