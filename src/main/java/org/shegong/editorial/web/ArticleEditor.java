package org.shegong.editorial.web;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.shegong.account.AdminChrome;
import org.shegong.account.Actor;
import org.shegong.editorial.workflow.ArticleWorkflow;
import org.shegong.system.audit.AuditLog;
import org.shegong.editorial.workflow.Permissions;
import org.shegong.editorial.workflow.Revision;
import org.shegong.editorial.workflow.RevisionRepository;
import org.shegong.editorial.workflow.SensitiveGate;
import org.shegong.editorial.workflow.WorkflowAction;
import org.shegong.editorial.workflow.WorkflowRecord;
import org.shegong.editorial.workflow.WorkflowState;
import org.shegong.column.Column;
import org.shegong.column.ColumnService;
import org.shegong.region.RegionChoices;
import org.shegong.column.ReviewRules;
import org.shegong.content.Kind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Assembles the editor page for an article (or a new one) as one person sees it. */
@Component
class ArticleEditor {

    private final ArticleWorkflow workflow;
    private final RevisionRepository revisions;
    private final AuditLog audit;
    private final ColumnService columns;
    private final SensitiveGate sensitive;
    private final long autosaveMillis;
    private final RegionChoices regionChoices;

    ArticleEditor(ArticleWorkflow workflow, RevisionRepository revisions, AuditLog audit, ColumnService columns,
                  SensitiveGate sensitive, RegionChoices regionChoices,
                  @Value("${shegong.admin.autosave-interval:30s}") Duration autosaveInterval) {
        this.regionChoices = regionChoices;
        this.sensitive = sensitive;
        this.autosaveMillis = Math.max(1000, autosaveInterval.toMillis());
        this.workflow = workflow;
        this.revisions = revisions;
        this.audit = audit;
        this.columns = columns;
    }

    EditView blank(AdminChrome chrome, Actor actor, ArticleForm form, String error) {
        form.showRegions(regionChoices.field(null, form.getTitle(), form.getSummary(), form.getBody()));
        return new EditView(chrome, null, form, null, "新稿件", Set.of(), List.of(), List.of(),
                writable(actor, List.of()),
                Arrays.asList(Kind.values()), error, null, null, true, List.of(), autosaveMillis);
    }

    /** The page for an existing article; {@code form} null means the newest revision as stored. */
    EditView existing(AdminChrome chrome, Actor actor, long articleId, ArticleForm form, String error, String notice,
                      Revision theirs) {
        WorkflowRecord record = workflow.visible(actor, articleId);
        ReviewRules rules = workflow.rules(record);
        int levels = rules.levels();
        Set<WorkflowAction> actions = EnumSet.noneOf(WorkflowAction.class);
        for (WorkflowAction action : WorkflowAction.values()) {
            if (action.allowedFrom(record.state(), record.live()) && Permissions.may(actor, action, record, rules)) {
                actions.add(action);
            }
        }
        ArticleForm shown = form != null ? form
                : ArticleForm.of(workflow.content(articleId, record.latestRevision()), record.latestRevision());
        shown.showRegions(regionChoices.field(articleId, shown.getTitle(), shown.getSummary(), shown.getBody()));
        String stage = record.state().label();
        if (record.state() == WorkflowState.IN_REVIEW) {
            stage = "待" + Permissions.levelName(record.reviewLevel(), levels) + "（第 " + record.reviewLevel() + "/"
                    + levels + " 级）";
        }
        if (record.hasPendingChange()) {
            stage += "（网站上仍显示第 " + record.liveRevision() + " 版）";
        }
        return new EditView(chrome, articleId, shown, record, stage, actions, revisions.list(articleId),
                audit.forArticle(articleId), writable(actor, filed(shown)), Arrays.asList(Kind.values()), error,
                notice, theirs, actions.contains(WorkflowAction.EDIT) || actions.contains(WorkflowAction.REVISE),
                sensitive.hits(record), autosaveMillis);
    }

    /**
     * The columns the form offers: those the person may write into, and those the article is already filed in
     * (so a save does not silently drop them; filing into a column one may not write to is refused on save).
     */
    private static List<Long> filed(ArticleForm form) {
        List<Long> ids = new java.util.ArrayList<>(form.getExtraColumns());
        if (form.getPrimaryColumn() != null) {
            ids.add(form.getPrimaryColumn());
        }
        return ids;
    }

    List<Column> writable(Actor actor, java.util.Collection<Long> filed) {
        return columns.all().stream()
                .filter(c -> Permissions.mayCreate(actor, c.id()) || filed.contains(c.id())).toList();
    }
}
