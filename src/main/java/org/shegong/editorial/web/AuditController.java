package org.shegong.editorial.web;

import org.shegong.account.Permission;
import org.shegong.account.Requires;
import org.shegong.system.web.BackOffice;
import org.shegong.account.AdminContext;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.shegong.account.Account;
import org.shegong.account.AccountService;
import org.shegong.system.audit.AuditEntry;
import org.shegong.system.audit.AuditCode;
import org.shegong.system.audit.AuditLog;
import org.shegong.system.ControlCharacters;
import org.shegong.system.Times;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The audit log for administrators (/admin/audit is administrator-only): filters, paging by id, CSV export. */
@Requires(Permission.AUDIT)
@BackOffice
@Controller
class AuditController {

    private static final int PAGE_SIZE = 50;
    private static final int CSV_BATCH = 1000;

    private final AdminContext context;
    private final AuditLog audit;
    private final AccountService accounts;

    AuditController(AdminContext context, AuditLog audit, AccountService accounts) {
        this.context = context;
        this.audit = audit;
        this.accounts = accounts;
    }

    @GetMapping("/admin/audit")
    String list(@RequestParam(defaultValue = "") String user, @RequestParam(defaultValue = "") String action,
                @RequestParam(defaultValue = "") String article, @RequestParam(defaultValue = "") String from,
                @RequestParam(defaultValue = "") String to, @RequestParam(required = false) Long before,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        List<AuditEntry> entries = List.of();
        String error = null;
        String next = null;
        try {
            entries = audit.search(filter(user, action, article, from, to), before, PAGE_SIZE + 1);
            if (entries.size() > PAGE_SIZE) {
                entries = entries.subList(0, PAGE_SIZE);
                next = query("/admin/audit", user, action, article, from, to)
                        .queryParam("before", entries.get(PAGE_SIZE - 1).id()).encode().build().toUriString();
            }
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
            response.setStatus(400);
        }
        model.addAttribute("view", new AuditView(context.chrome(request), entries, user, action, article, from, to,
                next, query("/admin/audit.csv", user, action, article, from, to).encode().build().toUriString(),
                error));
        return "admin/audit";
    }

    /** The filtered log as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese). */
    @GetMapping("/admin/audit.csv")
    void csv(@RequestParam(defaultValue = "") String user, @RequestParam(defaultValue = "") String action,
             @RequestParam(defaultValue = "") String article, @RequestParam(defaultValue = "") String from,
             @RequestParam(defaultValue = "") String to, HttpServletResponse response) throws IOException {
        AuditLog.Filter filter;
        try {
            filter = filter(user, action, article, from, to);
        } catch (IllegalArgumentException e) {
            response.sendError(400, e.getMessage());
            return;
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
        PrintWriter out = response.getWriter();
        out.print('\uFEFF');
        out.print("编号,时间,操作人,操作,稿件,版本,地址,意见\r\n");
        Long before = null;
        while (true) {
            List<AuditEntry> batch = audit.search(filter, before, CSV_BATCH);
            for (AuditEntry e : batch) {
                out.print(String.join(",", String.valueOf(e.id()), Times.iso(e.at()), cell(e.actorName()),
                        cell(e.actionLabel()), e.articleId() == null ? "" : String.valueOf(e.articleId()),
                        e.revisionNumber() == null ? "" : String.valueOf(e.revisionNumber()), cell(e.address()),
                        cell(e.comment())));
                out.print("\r\n");
            }
            if (batch.size() < CSV_BATCH) {
                break;
            }
            before = batch.get(batch.size() - 1).id();
        }
        out.flush();
    }

    /** Quotes a CSV cell, and defuses text a spreadsheet would run as a formula. */
    static String cell(String raw) {
        String value = ControlCharacters.clean(raw);
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private AuditLog.Filter filter(String user, String action, String article, String from, String to) {
        Long actorId = null;
        if (!user.isBlank()) {
            actorId = accounts.findByUsername(user).map(Account::id)
                    .orElseThrow(() -> new IllegalArgumentException("没有用户名为 " + user.strip() + " 的账户"));
        }
        Long articleId = null;
        if (!article.isBlank()) {
            if (!article.strip().matches("\\d{1,18}")) {
                throw new IllegalArgumentException("稿件编号应为数字");
            }
            articleId = Long.parseLong(article.strip());
        }
        AuditCode code = null;
        if (!action.isBlank()) {
            code = AuditCode.ofCode(action.strip())
                    .orElseThrow(() -> new IllegalArgumentException("没有这种操作：" + action.strip()));
        }
        return new AuditLog.Filter(actorId, code, articleId,
                AdminDates.dayStart(from, 0), AdminDates.dayStart(to, 1));
    }


    private static UriComponentsBuilder query(String path, String user, String action, String article, String from,
                                              String to) {
        return UriComponentsBuilder.fromPath(path).queryParam("user", user).queryParam("action", action)
                .queryParam("article", article).queryParam("from", from).queryParam("to", to);
    }
}
