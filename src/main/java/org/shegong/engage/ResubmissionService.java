package org.shegong.engage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.shegong.column.Column;
import org.shegong.column.ColumnService;
import org.shegong.content.BodyHtml;
import org.shegong.editorial.workflow.Revision;
import org.shegong.editorial.workflow.RevisionContent;
import org.shegong.editorial.workflow.RevisionRepository;
import org.shegong.editorial.workflow.SaveRevisionAction;
import org.shegong.editorial.workflow.SubmitAction;
import org.shegong.editorial.workflow.WorkflowRecord;
import org.shegong.editorial.workflow.WorkflowRepository;
import org.shegong.editorial.workflow.WorkflowState;
import org.shegong.system.web.NotFoundException;
import org.shegong.system.web.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation edits a submission an editor sent back (退回) and submits it again. The new text is a new
 * revision saved, then submitted, by the same organisation actor, so the workflow's own rules and audit apply and
 * the draft returns to the column's first review level. The text is plain, as in the first submission; the files
 * sent with it stay attached below it.
 */
@Service
public class ResubmissionService {

    /** A returned submission as the organisation edits it. */
    public record Returned(long articleId, String title, String text, String comment, String columnName,
                           List<SubmissionFile> files) {
    }

    private final OrganisationRepository organisations;
    private final WorkflowRepository workflows;
    private final RevisionRepository revisions;
    private final SaveRevisionAction save;
    private final SubmitAction submit;
    private final SubmissionFileRepository files;
    private final ColumnService columns;

    ResubmissionService(OrganisationRepository organisations, WorkflowRepository workflows,
                        RevisionRepository revisions, SaveRevisionAction save, SubmitAction submit,
                        SubmissionFileRepository files, ColumnService columns) {
        this.organisations = organisations;
        this.workflows = workflows;
        this.revisions = revisions;
        this.save = save;
        this.submit = submit;
        this.files = files;
        this.columns = columns;
    }

    /** The returned submission with its latest text and the reviewer's comment; 404 when not the organisation's. */
    public Returned returned(Organisation organisation, long articleId) {
        WorkflowRecord record = record(organisation, articleId);
        Revision latest = revisions.find(articleId, record.latestRevision()).orElseThrow(() -> notFound());
        List<SubmissionFile> attached = files.forArticle(articleId);
        return new Returned(articleId, latest.content().title(), text(latest.content().bodyHtml(), attached),
                record.lastComment(), columns.byId(record.columnId()).map(Column::name).orElse(""), attached);
    }

    /** Saves the edited text and submits it again; returns the problems (none when it was sent). */
    @Transactional
    public List<String> resubmit(Organisation organisation, long articleId, String rawTitle, String rawBody,
                                 String address) {
        WorkflowRecord record = record(organisation, articleId);
        String title = ReaderText.line(rawTitle);
        String body = ReaderText.clean(rawBody);
        List<String> errors = new ArrayList<>();
        if (title == null || title.length() > SubmissionService.TITLE_MAX) {
            errors.add("请填写标题（不超过 " + SubmissionService.TITLE_MAX + " 字）");
        }
        if (body == null || body.length() > SubmissionService.BODY_MAX) {
            errors.add("请填写正文（不超过 " + SubmissionService.BODY_MAX + " 字）");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        Revision latest = revisions.find(articleId, record.latestRevision()).orElseThrow(() -> notFound());
        RevisionContent before = latest.content();
        RevisionContent content = new RevisionContent(title, before.subtitle(), before.summary(),
                SubmissionService.paragraphs(body) + SubmissionFiles.html(files.forArticle(articleId)),
                before.source(), before.author(), before.editor(), before.kind(), before.featured(),
                before.columnIds(), before.tags(), before.region(), before.publishedAt());
        var actor = SubmissionService.actor(organisation, record.columnId(), address == null ? "unknown" : address);
        save.save(actor, articleId, record.latestRevision(), content, "会员单位按退回意见修改");
        submit.submit(actor, articleId, "会员单位修改后重新投稿：" + organisation.name() + "，联系人 "
                + organisation.contactPerson());
        return List.of();
    }

    private WorkflowRecord record(Organisation organisation, long articleId) {
        if (!organisations.submittedBy(organisation.id(), articleId)) {
            throw notFound();
        }
        WorkflowRecord record = workflows.find(articleId).orElseThrow(ResubmissionService::notFound);
        if (record.state() != WorkflowState.REJECTED || record.live()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "只有被退回的稿件可以修改后重新提交");
        }
        return record;
    }

    /**
     * The body as the plain text the organisation wrote: one paragraph per block, the attachment part (which is
     * added again on resubmission) left out when it is still the body's tail.
     */
    static String text(String bodyHtml, List<SubmissionFile> attached) {
        String html = bodyHtml == null ? "" : bodyHtml;
        String tail = SubmissionFiles.html(attached);
        if (!tail.isEmpty() && html.endsWith(tail)) {
            html = html.substring(0, html.length() - tail.length());
        }
        return Arrays.stream(html.split("(?i)</p>|</li>|</h[1-6]>|</blockquote>|<br\\s*/?>"))
                .map(BodyHtml::plainText).map(String::strip).filter(t -> !t.isEmpty())
                .collect(Collectors.joining("\n\n"));
    }

    private static NotFoundException notFound() {
        return new NotFoundException("没有这篇投稿");
    }
}
