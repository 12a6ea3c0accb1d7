package org.shegong.editorial.web;

import java.util.List;
import org.shegong.account.AdminChrome;
import org.shegong.system.audit.AuditEntry;

/** The audit log page: the filter as given, one page of entries, the next page and the CSV of this filter. */
public record AuditView(AdminChrome chrome, List<AuditEntry> entries, String user, String action, String article,
                        String from, String to, String nextUrl, String csvUrl, String error) {

    public static final List<String> ACTIONS = List.of("create", "save", "autosave", "restore", "submit", "approve", "reject",
            "publish", "schedule", "unschedule", "withdraw", "expire", "sensitive-override", "sensitive-words",
            "column-add", "column-edit", "column-order", "column-move", "column-visibility", "review-levels",
            "user-create", "user-enable", "user-unlock", "user-password", "user-grant", "user-revoke", "search-reindex");
}
