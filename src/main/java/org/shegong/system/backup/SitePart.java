package org.shegong.system.backup;

import java.util.List;

/**
 * A feature's share of the site archive (docs/adr/0052): the tables it owns, in the order their rows must be
 * inserted, and, for the media feature, the stored files. The kernel's {@link SiteExporter} and
 * {@link SiteImporter} copy what the parts name and never read a feature's table on their own, so features stay
 * in their rooms (ADR 0038) and a new table is exported by declaring it where it is created.
 */
public interface SitePart {

    /** The part's name in the archive's manifest (e.g. "content"). */
    String name();

    /**
     * Parts are imported in ascending order, so a row's foreign keys point at rows already there: columns and
     * accounts (10, 20) before articles (30), articles before what refers to them (40 and up).
     */
    int order();

    /** The part's tables in insert order. */
    List<ExportTable> tables();

    /** Stored files that belong to the part's rows (the media feature), or null. */
    default SiteFiles files() {
        return null;
    }

    /** Called after a committed import, to rebuild data derived from the imported rows (none by default). */
    default void afterImport() {
    }
}
