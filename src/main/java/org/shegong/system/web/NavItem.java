package org.shegong.system.web;

import java.util.List;

/**
 * One entry of the public navigation: a column's name and address name, in the column tree's order, with its
 * visible sub-columns.
 */
public record NavItem(String name, String slug, List<NavItem> children) {

    public NavItem {
        children = children == null ? List.of() : List.copyOf(children);
    }

    public NavItem(String name, String slug) {
        this(name, slug, List.of());
    }
}
