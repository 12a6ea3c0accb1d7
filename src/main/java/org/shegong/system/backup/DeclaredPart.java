package org.shegong.system.backup;

import java.util.List;

/** A {@link SitePart} whose name, order and tables are fixed when it is made: what most features need. */
public abstract class DeclaredPart implements SitePart {

    private final String name;
    private final int order;
    private final List<ExportTable> tables;

    protected DeclaredPart(String name, int order, ExportTable... tables) {
        this.name = name;
        this.order = order;
        this.tables = List.of(tables);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int order() {
        return order;
    }

    @Override
    public final List<ExportTable> tables() {
        return tables;
    }
}
