package org.shegong.editorial.web;

import java.util.List;
import java.util.Set;
import org.shegong.account.AdminChrome;
import org.shegong.editorial.sensitive.SensitiveHit;
import org.shegong.system.audit.AuditEntry;
import org.shegong.editorial.workflow.Revision;
import org.shegong.editorial.workflow.WorkflowAction;
import org.shegong.editorial.workflow.WorkflowRecord;
import org.shegong.editorial.workflow.WorkflowState;
import org.shegong.column.Column;
import org.shegong.content.Kind;

/**
 * The editor page: the form, where the article stands, the actions this person may take now, its revisions and
 * history. {@code theirs} is set after an edit conflict: the version saved meanwhile, shown beside the form.
 * {@code autosaveMillis} is how often the autosave script looks for changes.
 */
public record EditView(AdminChrome chrome, Long articleId, ArticleForm form, WorkflowRecord record, String stage,
                       Set<WorkflowAction> actions, List<Revision> revisions, List<AuditEntry> history,
                       List<Column> columns, List<Kind> kinds, String error, String notice, Revision theirs,
                       boolean editable, List<SensitiveHit> sensitiveHits, long autosaveMillis) {

    public boolean can(String action) {
        return actions.contains(WorkflowAction.valueOf(action));
    }

    public boolean isNew() {
        return articleId == null;
    }

    /** Drafts (and withdrawn articles) are autosaved; an article in review stays what its reviewers see. */
    public boolean autosave() {
        return editable && !isNew() && record != null && (record.state() == WorkflowState.DRAFT
                || record.state() == WorkflowState.WITHDRAWN);
    }
}
