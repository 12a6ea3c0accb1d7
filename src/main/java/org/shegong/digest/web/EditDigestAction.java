package org.shegong.digest.web;

import java.util.List;
import org.shegong.account.Actor;
import org.shegong.content.Article;
import org.shegong.content.ArticleService;
import org.shegong.digest.Digest;
import org.shegong.digest.DigestEntry;
import org.shegong.digest.DigestProperties;
import org.shegong.digest.DigestService;
import org.shegong.system.audit.AuditCode;
import org.shegong.system.audit.AuditLog;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An editor changes a digest draft (introduction, entry order, entries dropped or added, or all of it thrown
 * away and recomposed). Each method checks that the person may save the digest's article and that the draft is
 * still editable, changes it, and writes the audit entry on the digest's article, in one transaction, so a
 * refused change writes nothing and an accepted one is never unrecorded.
 */
@Component
class EditDigestAction {

    /** What the entry list's buttons do, as the audit entry names it. */
    enum EntryOp {
        UP("上移条目"), DOWN("下移条目"), DROP("删除条目");

        private final String label;

        EntryOp(String label) {
            this.label = label;
        }
    }

    private final DigestAccess access;
    private final DigestService digests;
    private final DigestProperties properties;
    private final ArticleService articles;
    private final AuditLog audit;

    EditDigestAction(DigestAccess access, DigestService digests, DigestProperties properties, ArticleService articles,
                     AuditLog audit) {
        this.access = access;
        this.digests = digests;
        this.properties = properties;
        this.articles = articles;
        this.audit = audit;
    }

    @Transactional
    void introduction(Actor actor, long id, String introduction) {
        Digest digest = access.editable(actor, id);
        digests.editIntroduction(id, introduction);
        record(actor, AuditCode.DIGEST_EDIT, digest, "修改导语");
    }

    @Transactional
    void entry(Actor actor, long id, EntryOp op, int index, long articleId) {
        Digest digest = access.editable(actor, id);
        List<DigestEntry> current = digests.entries(id);
        List<DigestEntry> changed = switch (op) {
            case UP -> EntryChanges.move(current, index, articleId, true);
            case DOWN -> EntryChanges.move(current, index, articleId, false);
            case DROP -> EntryChanges.drop(current, index, articleId);
        };
        digests.editEntries(id, changed);
        record(actor, AuditCode.DIGEST_EDIT, digest, op.label + "：文章 " + articleId);
    }

    /** {@code article} is an id or an article address, as pasted into the form. */
    @Transactional
    void add(Actor actor, long id, String section, String article) {
        Digest digest = access.editable(actor, id);
        DigestProperties.Section target = properties.sections().stream().filter(s -> s.key().equals(section))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("请选择要加入的分区"));
        long articleId = EntryChanges.articleId(article);
        Article found = articles.find(articleId).filter(Article::isLive).orElseThrow(
                () -> new IllegalArgumentException("文章 " + articleId + " 不存在或未发布"));
        if (found.id() == digest.articleId()) {
            throw new IllegalArgumentException("不能把本期一周动态加入自身");
        }
        digests.editEntries(id, EntryChanges.add(digests.entries(id),
                new DigestEntry(section, found.id(), found.title(), found.listSummary())));
        record(actor, AuditCode.DIGEST_EDIT, digest, "加入条目（" + target.title() + "）：《" + found.title() + "》");
    }

    @Transactional
    void recompose(Actor actor, long id) {
        Digest digest = access.editable(actor, id);
        DigestService.Generated generated = digests.recompose(id);
        record(actor, AuditCode.DIGEST_RECOMPOSE, digest, generated.composedEntries() + " 条");
    }

    private void record(Actor actor, AuditCode code, Digest digest, String comment) {
        audit.append(actor, code, digest.articleId(), null, digest.window().title() + " " + comment);
    }
}
