package org.shegong.column;

/** A node of the column tree (栏目). */
public record Column(long id, Long parentId, String slug, String name, String description, int sortOrder,
                     boolean visible) {
}
