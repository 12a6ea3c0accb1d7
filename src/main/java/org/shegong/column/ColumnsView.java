package org.shegong.column;

import java.util.List;
import org.shegong.account.AdminChrome;

/**
 * The column management page; {@code editing} is the column whose edit form is shown (null: the list), and
 * {@code parent}, {@code slug}, {@code name}, {@code description} refill a refused form.
 */
public record ColumnsView(AdminChrome chrome, List<ColumnRow> rows, ColumnRow editing, String error, String notice,
                          Long parent, String slug, String name, String description) {
}
