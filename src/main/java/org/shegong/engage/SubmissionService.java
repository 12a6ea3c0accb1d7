package org.shegong.engage;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shegong.account.ColumnGrant;
import org.shegong.account.Role;
import org.shegong.account.Actor;
import org.shegong.editorial.workflow.RevisionContent;
import org.shegong.editorial.workflow.SaveRevisionAction;
import org.shegong.editorial.workflow.SubmitAction;
import org.shegong.editorial.workflow.WorkflowRecord;
import org.shegong.editorial.workflow.WorkflowRepository;
import org.shegong.editorial.workflow.WorkflowState;
import org.shegong.column.Column;
import org.shegong.column.ColumnService;
import org.shegong.content.Article;
import org.shegong.content.ArticleService;
import org.shegong.content.BodyHtml;
import org.shegong.content.Kind;
import org.shegong.system.web.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * 投稿: an organisation's news goes through the editorial workflow like a contributor's draft. It is created and
 * submitted by an actor that stands for the organisation (a contributor in the chosen column only, with a negative
 * id), so it lands in the column's review queue, attributed to the organisation, and the audit log says who sent it.
 */
@Service
public class SubmissionService {

    static final int TITLE_MAX = 100;
    static final int BODY_MAX = 20_000;
    static final int PER_ORGANISATION_PER_DAY = 10;
    static final int PER_ADDRESS_PER_DAY = 20;
    private static final String DIGEST_COLUMN = "weekly";

    public record Form(String columnSlug, String title, String body, String honeypot) {
    }

    private final OrganisationRepository organisations;
    private final SaveRevisionAction save;
    private final SubmitAction submit;
    private final WorkflowRepository workflows;
    private final ArticleService articles;
    private final ColumnService columns;
    private final Clock clock;
    private final SubmissionFiles attachments;
    private final SubmissionFileRepository submissionFiles;
    private final TransactionTemplate transactions;

    SubmissionService(OrganisationRepository organisations, SaveRevisionAction save, SubmitAction submit,
                      WorkflowRepository workflows, ArticleService articles, ColumnService columns, Clock clock,
                      SubmissionFiles attachments, SubmissionFileRepository submissionFiles,
                      TransactionTemplate transactions) {
        this.attachments = attachments;
        this.submissionFiles = submissionFiles;
        this.transactions = transactions;
        this.organisations = organisations;
        this.save = save;
        this.submit = submit;
        this.workflows = workflows;
        this.articles = articles;
        this.columns = columns;
        this.clock = clock;
    }

    /** The columns an organisation may send news to: the visible ones, except the generated weekly digest. */
    public List<Column> columns() {
        return columns.all().stream().filter(Column::visible).filter(c -> !c.slug().equals(DIGEST_COLUMN)).toList();
    }

    /** What became of a posted form: sent (no errors), or the problems and the HTTP status to answer with. */
    public record Outcome(int status, List<String> errors) {
        static final Outcome SENT = new Outcome(303, List.of());

        public boolean sent() {
            return errors.isEmpty();
        }
    }

    /**
     * Checks the form, stores the attachments through the media feature, then creates and submits the article
     * with them in one transaction (a bot's post is dropped as if sent). Attachments are stored outside that
     * transaction, as the storage is no database: when the article cannot be created they are removed again.
     */
    public Outcome submit(Organisation organisation, Form form, List<MultipartFile> parts, String address)
            throws IOException {
        if (form.honeypot() != null && !form.honeypot().isEmpty()) {
            return Outcome.SENT;
        }
        List<MultipartFile> files = SubmissionFiles.chosen(parts);
        List<String> errors = new ArrayList<>();
        Optional<Column> column = columns().stream().filter(c -> c.slug().equals(form.columnSlug())).findFirst();
        String title = ReaderText.line(form.title());
        String body = ReaderText.clean(form.body());
        if (column.isEmpty()) {
            errors.add("请选择投稿栏目");
        }
        if (title == null || title.length() > TITLE_MAX) {
            errors.add("请填写标题（不超过 " + TITLE_MAX + " 字）");
        }
        if (body == null || body.length() > BODY_MAX) {
            errors.add("请填写正文（不超过 " + BODY_MAX + " 字）");
        }
        if (!errors.isEmpty()) {
            return refused(400, errors, files);
        }
        Instant now = clock.instant();
        String from = address == null ? "unknown" : address;
        Instant dayAgo = now.minus(Duration.ofDays(1));
        if (organisations.submissionsSince(organisation.id(), dayAgo) >= PER_ORGANISATION_PER_DAY
                || organisations.submissionsFromAddressSince(from, dayAgo) >= PER_ADDRESS_PER_DAY) {
            return new Outcome(429, List.of("投稿过于频繁：每个单位每天最多投稿 " + PER_ORGANISATION_PER_DAY + " 篇，请明天再试"));
        }
        List<SubmissionFile> stored;
        try {
            attachments.check(organisation, files);
            stored = attachments.store(organisation, files);
        } catch (Refusal refusal) {
            return refused(refusal.status(), new ArrayList<>(List.of(refusal.getMessage())), files);
        }
        try {
            transactions.executeWithoutResult(s -> create(organisation, column.get().id(), title, body, stored, from, now));
        } catch (RuntimeException e) {
            attachments.remove(organisation, stored);
            throw e;
        }
        return Outcome.SENT;
    }

    private void create(Organisation organisation, long columnId, String title, String body,
                        List<SubmissionFile> files, String from, Instant now) {
        Actor actor = actor(organisation, columnId, from);
        RevisionContent content = new RevisionContent(title, null, null, paragraphs(body) + SubmissionFiles.html(files),
                organisation.name(), organisation.contactPerson(), null, Kind.NEWS, false, List.of(columnId), List.of(),
                null, null);
        long articleId = save.create(actor, content);
        submit.submit(actor, articleId, "会员单位投稿：" + organisation.name() + "，联系人 " + organisation.contactPerson()
                + "，电话 " + organisation.phone() + "，邮箱 " + organisation.email()
                + (files.isEmpty() ? "" : "，附件 " + files.size() + " 个"));
        organisations.recordSubmission(organisation.id(), articleId, from, now);
        submissionFiles.insert(articleId, files);
    }

    /** The organisation as the workflow knows it: a contributor in that one column, with a negative id. */
    static Actor actor(Organisation organisation, long columnId, String from) {
        return new Actor(organisation.actorId(), organisation.name() + "（会员单位投稿）", false,
                List.of(new ColumnGrant(columnId, Role.CONTRIBUTOR)), from);
    }

    /** A browser cannot refill a file field, so a refused form with files says to choose them again. */
    private static Outcome refused(int status, List<String> errors, List<MultipartFile> files) {
        if (!files.isEmpty()) {
            errors.add("附件未保存，请改正后重新选择附件");
        }
        return new Outcome(status, errors);
    }

    /** The files an organisation sent with an article (empty for any other article). */
    public List<SubmissionFile> files(long articleId) {
        return submissionFiles.forArticle(articleId);
    }

    /** The organisation's submissions, newest first, each with the stage it is in. */
    public List<Submission> submissions(Organisation organisation, int limit) {
        List<Submission> result = new ArrayList<>();
        for (long articleId : organisations.submittedArticles(organisation.id(), limit)) {
            Optional<WorkflowRecord> record = workflows.find(articleId);
            Optional<Article> article = articles.find(articleId);
            if (record.isEmpty() || article.isEmpty()) {
                continue;
            }
            WorkflowRecord r = record.get();
            String columnName = columns.byId(r.columnId()).map(Column::name).orElse("");
            result.add(new Submission(articleId, article.get().title(), columnName, stage(r),
                    r.state() == WorkflowState.REJECTED ? r.lastComment() : null, r.updatedAt(), r.live()));
        }
        return result;
    }

    /** 已提交 until a reviewer acts, 审核中 while it climbs the levels or is edited, then 已发布 / 已退回 / 已撤稿. */
    static String stage(WorkflowRecord r) {
        if (r.live()) {
            return "已发布";
        }
        return switch (r.state()) {
            case IN_REVIEW -> r.reviewLevel() <= 1 ? "已提交" : "审核中";
            case REJECTED -> "已退回";
            case WITHDRAWN -> "已撤稿";
            case LIVE -> "已发布";
            default -> "审核中";
        };
    }

    /** The plain text as HTML paragraphs, escaped: an organisation's text never carries markup into the site. */
    static String paragraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.split("\\n+")) {
            if (!paragraph.isBlank()) {
                html.append("<p>").append(BodyHtml.escape(paragraph.strip())).append("</p>");
            }
        }
        return html.toString();
    }
}
