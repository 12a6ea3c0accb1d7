package org.shegong.engage;

import java.util.List;
import org.shegong.column.Column;
import org.shegong.system.web.Chrome;

/** The organisation's page: the 投稿 form and its submissions with their stages. */
public record SubmissionsView(Chrome chrome, Organisation organisation, List<Submission> submissions,
                              List<Column> columns, List<String> errors, SubmissionService.Form form, String notice,
                              String csrfParameter, String csrfToken, int maxFiles, String maxFileSize) {

    public static String value(String text) {
        return text == null ? "" : text;
    }

    public boolean selected(Column column) {
        return column.slug().equals(form.columnSlug());
    }
}
