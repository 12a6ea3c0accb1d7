package org.shegong.editorial.web;

import java.util.List;
import org.shegong.account.AdminChrome;

/** Two revisions of an article compared field by field; {@code html} is escaped text with ins/del marks. */
public record RevisionDiffView(AdminChrome chrome, long articleId, int from, int to, List<Field> fields) {

    public record Field(String label, boolean changed, gg.jte.Content html) {
    }

    public boolean anyChange() {
        return fields.stream().anyMatch(Field::changed);
    }
}
