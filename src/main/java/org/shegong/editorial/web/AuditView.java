package org.shegong.editorial.web;

import java.util.List;
import org.shegong.account.AdminChrome;
import org.shegong.system.audit.AuditCode;
import org.shegong.system.audit.AuditEntry;

/** The audit log page: the filter as given, one page of entries, the next page and the CSV of this filter. */
public record AuditView(AdminChrome chrome, List<AuditEntry> entries, String user, String action, String article,
                        String from, String to, String nextUrl, String csvUrl, String error) {

    /** What the filter offers: every kind of audited change. */
    public static final List<AuditCode> ACTIONS = List.of(AuditCode.values());
}
