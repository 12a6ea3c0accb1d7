package org.shegong.system.web;

/** One entry of the public navigation: a column's name and address name, in the column tree's order. */
public record NavItem(String name, String slug) {
}
