package org.shegong.digest.web;

import org.shegong.account.Actor;
import org.shegong.editorial.workflow.ArticleWorkflow;
import org.shegong.editorial.workflow.EditorialException;
import org.shegong.editorial.workflow.RevisionContent;
import org.shegong.editorial.workflow.SaveRevisionAction;
import org.shegong.editorial.workflow.SubmitAction;
import org.shegong.editorial.workflow.WorkflowRecord;
import org.shegong.content.ArticleService;
import org.shegong.digest.Digest;
import org.shegong.digest.DigestService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands a digest draft to the normal workflow: the article body the digest feature rendered from the entries
 * becomes the article's newest revision (Save), which is then submitted for review (Submit). From there it is
 * an article like any other; publishing it publishes the digest (see {@link DigestGoesLive}).
 */
@Component
class DigestSubmission {

    private final DigestAccess access;
    private final ArticleWorkflow workflow;
    private final SaveRevisionAction save;
    private final SubmitAction submit;
    private final ArticleService articles;
    private final DigestService digests;

    DigestSubmission(DigestAccess access, ArticleWorkflow workflow, SaveRevisionAction save, SubmitAction submit,
                     ArticleService articles, DigestService digests) {
        this.digests = digests;
        this.access = access;
        this.workflow = workflow;
        this.save = save;
        this.submit = submit;
        this.articles = articles;
    }

    /** Returns the digest's article id. */
    @Transactional
    long submit(Actor actor, long digestId, String comment) {
        Digest digest = access.editable(actor, digestId);
        WorkflowRecord record = workflow.load(digest.articleId());
        RevisionContent content = RevisionContent.of(articles.find(digest.articleId()).orElseThrow(
                () -> new EditorialException(EditorialException.Kind.NOT_FOUND, "没有找到这期一周动态的稿件")));
        digests.hold(digestId);
        save.save(actor, digest.articleId(), record.latestRevision(), content, "一周动态：由条目生成正文");
        submit.submit(actor, digest.articleId(), comment);
        return digest.articleId();
    }
}
