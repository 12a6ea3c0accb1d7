package org.shegong.column;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shegong.system.outbox.OutboxConsumer;
import org.shegong.system.outbox.OutboxEvent;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * The column tree, read on nearly every page, so held in memory and reloaded when the outbox says a
 * column changed.
 */
@Service
@Order(100) // derived state others render from: updated before the page cache (order 1000) evicts
public class ColumnService implements OutboxConsumer {

    private final ColumnRepository repository;
    private volatile List<Column> columns;

    public ColumnService(ColumnRepository repository) {
        this.repository = repository;
    }

    public List<Column> all() {
        List<Column> current = columns;
        if (current == null) {
            current = List.copyOf(repository.findAll());
            columns = current;
        }
        return current;
    }

    /** Visible top-level columns in their order: the site navigation. */
    public List<Column> navigation() {
        return all().stream().filter(c -> c.visible() && c.parentId() == null).toList();
    }

    /** Visible sub-columns by parent id, in their order. */
    public Map<Long, List<Column>> visibleChildren() {
        Map<Long, List<Column>> children = new HashMap<>();
        for (Column c : all()) {
            if (c.visible() && c.parentId() != null) {
                children.computeIfAbsent(c.parentId(), id -> new ArrayList<>()).add(c);
            }
        }
        children.values().forEach(list -> list.sort(Comparator.comparingInt(Column::sortOrder)));
        return children;
    }

    public Optional<Column> bySlug(String slug) {
        return all().stream().filter(c -> c.slug().equals(slug)).findFirst();
    }

    public Optional<Column> byId(long id) {
        return all().stream().filter(c -> c.id() == id).findFirst();
    }

    public Optional<Column> byName(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** A column given by name or slug, as import files and the command line name them. */
    public Optional<Column> byNameOrSlug(String key) {
        return byName(key).or(() -> bySlug(key));
    }

    /** From the root down to the column itself, for breadcrumbs. */
    public List<Column> path(Column column) {
        List<Column> path = new ArrayList<>();
        Column current = column;
        while (current != null && path.size() < 16) {
            path.add(0, current);
            current = current.parentId() == null ? null : byId(current.parentId()).orElse(null);
        }
        return path;
    }

    public void reload() {
        columns = null;
    }

    @Override
    public String name() {
        return "column-tree";
    }

    @Override
    public Scope scope() {
        return Scope.EVERY_NODE; // the tree is held in this node's memory
    }

    @Override
    public boolean startsAtLatest() {
        return true;
    }

    @Override
    public void handle(List<OutboxEvent> events) {
        if (events.stream().anyMatch(e -> OutboxEvent.COLUMN_CHANGED.equals(e.type()))) {
            reload();
        }
    }
}
