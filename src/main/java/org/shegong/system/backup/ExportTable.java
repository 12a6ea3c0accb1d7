package org.shegong.system.backup;

import java.util.List;
import java.util.Map;

/**
 * One table as the archive carries it.
 *
 * @param name       the table
 * @param key        the primary key's columns: rows are written in this order (a stable archive), and deferred
 *                   columns are set by it
 * @param identity   whether {@code id} is generated: after an import its counter starts past the largest id
 * @param deferred   columns inserted as NULL and set once the whole table is in (a column's parent may come later)
 * @param withheld   columns never written to the archive, with the value an import puts in their place (password
 *                   hashes: an imported account cannot log in until its password is reset)
 * @param seedRows   a condition matching the rows the migrations insert (the default columns): a database whose
 *                   table holds only those still counts as empty, and an import replaces them; null when the
 *                   migrations insert none
 */
public record ExportTable(String name, List<String> key, boolean identity, List<String> deferred,
                          Map<String, Object> withheld, String seedRows) {

    public ExportTable {
        key = List.copyOf(key);
        deferred = List.copyOf(deferred);
        withheld = Map.copyOf(withheld);
    }

    /** A table whose key is a generated {@code id}. */
    public static ExportTable withId(String name) {
        return new ExportTable(name, List.of("id"), true, List.of(), Map.of(), null);
    }

    /** A table keyed by the given columns, none generated. */
    public static ExportTable keyedBy(String name, String... key) {
        return new ExportTable(name, List.of(key), false, List.of(), Map.of(), null);
    }

    public ExportTable deferring(String... columns) {
        return new ExportTable(name, key, identity, List.of(columns), withheld, seedRows);
    }

    public ExportTable withholding(Map<String, Object> columns) {
        return new ExportTable(name, key, identity, deferred, columns, seedRows);
    }

    public ExportTable seededWhere(String condition) {
        return new ExportTable(name, key, identity, deferred, withheld, condition);
    }

    /** The archive entry holding this table's rows. */
    public String entry() {
        return "tables/" + name + ".jsonl";
    }
}
