package org.shegong.digest.web;

import org.shegong.account.Role;
import org.shegong.account.Actor;
import org.shegong.editorial.workflow.ArticleWorkflow;
import org.shegong.editorial.workflow.EditorialException;
import org.shegong.editorial.workflow.WorkflowAction;
import org.shegong.editorial.workflow.WorkflowRecord;
import org.shegong.column.ColumnService;
import org.shegong.digest.Digest;
import org.shegong.digest.DigestProperties;
import org.shegong.digest.DigestService;
import org.springframework.stereotype.Component;

/**
 * Who may do what with digests: the same rules as for any article of the digest's own column (the first of
 * {@code shegong.digest.columns}, "weekly"). Editors of that column generate and edit; reviewers and chief
 * editors take it from there through the normal workflow.
 */
@Component
class DigestAccess {

    private final DigestService digests;
    private final DigestProperties properties;
    private final ColumnService columns;
    private final ArticleWorkflow workflow;

    DigestAccess(DigestService digests, DigestProperties properties, ColumnService columns, ArticleWorkflow workflow) {
        this.digests = digests;
        this.properties = properties;
        this.columns = columns;
        this.workflow = workflow;
    }

    /** Listing and generating: an editor (or higher) of the digest column. */
    void requireEditor(Actor actor) {
        long column = columns.bySlug(properties.columns().get(0)).orElseThrow(() -> new EditorialException(
                EditorialException.Kind.NOT_FOUND, "一周动态栏目不存在，请检查 shegong.digest.columns")).id();
        if (!actor.has(Role.EDITOR, column)) {
            throw new EditorialException(EditorialException.Kind.FORBIDDEN, "您没有管理一周动态的权限");
        }
    }

    Digest digest(long id) {
        return digests.findDigest(id).orElseThrow(
                () -> new EditorialException(EditorialException.Kind.NOT_FOUND, "没有找到这期一周动态"));
    }

    /** The digest's workflow row, after checking the actor may see the digest at all. */
    WorkflowRecord record(Actor actor, Digest digest) {
        requireEditor(actor);
        return workflow.load(digest.articleId());
    }

    /**
     * Editing the entries or the introduction: only a draft, only while the workflow lets the article be
     * saved (not in review), and only by someone who may save the article.
     */
    Digest editable(Actor actor, long id) {
        Digest digest = digest(id);
        WorkflowRecord record = record(actor, digest);
        if (!digest.isDraft()) {
            throw new EditorialException(EditorialException.Kind.ILLEGAL_TRANSITION, "这期一周动态已经发布，不能再修改");
        }
        workflow.check(actor, WorkflowAction.EDIT, record);
        return digest;
    }
}
