package org.shegong.system.db;

/**
 * A LIKE pattern for "contains this text", with the text's own %, _ and ! escaped by '!': the query must say
 * {@code LIKE ? ESCAPE '!'}. One escape character every database takes the same way (a backslash is special in
 * MariaDB's string literals and not in PostgreSQL's).
 */
public final class Like {

    private Like() {
    }

    public static String containing(String text) {
        return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
