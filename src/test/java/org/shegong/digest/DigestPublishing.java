package org.shegong.digest;

import java.util.ArrayList;
import java.util.List;
import org.shegong.account.AccountService;
import org.shegong.account.Actor;
import org.shegong.account.Actors;
import org.shegong.account.ColumnGrant;
import org.shegong.account.Role;
import org.shegong.column.ColumnService;
import org.shegong.column.ReviewLevels;
import org.shegong.editorial.workflow.ApproveAction;
import org.shegong.editorial.workflow.ApproveAndPublishAction;
import org.shegong.editorial.workflow.SubmitAction;
import org.shegong.editorial.workflow.ArticleWorkflow;
import org.shegong.editorial.workflow.RevisionContent;
import org.shegong.editorial.workflow.SaveRevisionAction;
import org.shegong.content.ArticleService;
import org.springframework.context.ApplicationContext;

/**
 * Publishes a digest the only way the application allows: its article goes through the editorial workflow
 * (submitted by one chief editor, each review level passed by another, the last one publishing), and the
 * workflow's "went live" event publishes the digest. For tests that need a published digest.
 */
public final class DigestPublishing {

    private static final String PASSWORD = "Digest-Publishing-9";

    private DigestPublishing() {
    }

    public static Digest publish(ApplicationContext context, long digestId) {
        DigestService digests = context.getBean(DigestService.class);
        Digest digest = digests.findDigest(digestId).orElseThrow();
        digests.hold(digestId);
        SubmitAction submit = context.getBean(SubmitAction.class);
        ApproveAction approve = context.getBean(ApproveAction.class);
        ApproveAndPublishAction approveAndPublish = context.getBean(ApproveAndPublishAction.class);
        long weekly = context.getBean(ColumnService.class).bySlug(context.getBean(DigestProperties.class)
                .columns().get(0)).orElseThrow().id();
        int levels = context.getBean(ReviewLevels.class).of(weekly);
        // What the digest page's 提交审核 does: the rendered draft becomes a revision, which is submitted.
        Actor author = chief(context, "author");
        SaveRevisionAction save = context.getBean(SaveRevisionAction.class);
        RevisionContent content = RevisionContent.of(context.getBean(ArticleService.class).find(digest.articleId())
                .orElseThrow());
        int base = context.getBean(ArticleWorkflow.class).load(digest.articleId()).latestRevision();
        save.save(author, digest.articleId(), base, content, "一周动态：由条目生成正文");
        submit.submit(author, digest.articleId(), "");
        for (int level = 1; level < levels; level++) {
            approve.approve(chief(context, "level" + level), digest.articleId(), "");
        }
        approveAndPublish.approveAndPublish(chief(context, "last"), digest.articleId(), "", null);
        return digests.findDigest(digestId).orElseThrow();
    }

    /** A new chief editor of every column the digest writes into. */
    private static Actor chief(ApplicationContext context, String role) {
        ColumnService columns = context.getBean(ColumnService.class);
        List<ColumnGrant> grants = new ArrayList<>();
        for (String slug : context.getBean(DigestProperties.class).columns()) {
            grants.add(new ColumnGrant(columns.bySlug(slug).orElseThrow().id(), Role.CHIEF_EDITOR));
        }
        String username = "dp" + role + System.nanoTime() % 1_000_000_000L;
        long id = context.getBean(AccountService.class).create(username, "发布测试" + role, PASSWORD, false, grants);
        return context.getBean(Actors.class).of(id, "127.0.0.1");
    }
}
