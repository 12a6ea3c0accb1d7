package org.shegong.editorial.workflow;

import org.shegong.system.audit.AuditCode;
import org.shegong.column.ReviewLevels;
import org.shegong.account.Actor;
import org.shegong.system.audit.AuditEntry;
import org.shegong.system.audit.AuditLog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.content.ContentFixture;
import org.shegong.content.Kind;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;
import org.shegong.system.jobs.JobLock;

/** Revisions, workflow rows, review levels, the audit log and job leases on H2, PostgreSQL and MariaDB. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class WorkflowRepositoryTest {

    private static final Instant T = Instant.parse("2025-03-01T02:00:00.123456Z");

    @Parameter
    DatabaseTarget target;

    ContentFixture content;
    RevisionRepository revisions;
    WorkflowRepository workflows;
    long articleId;
    long news;

    @BeforeEach
    void setUp() {
        content = new ContentFixture(TestDatabase.fresh(target));
        revisions = new RevisionRepository(content.db.jdbc());
        workflows = new WorkflowRepository(content.db.jdbc());
        articleId = content.publish("w1", "工作流测试", T, "news");
        news = content.column("news").id();
    }

    @Test
    void aRevisionReadsBackExactlyAsWrittenAndListsWithoutItsBody() {
        String body = "<h2>小标题</h2><p>" + "社会工作服务站正式运营。".repeat(3000) + "</p>";
        RevisionContent written = new RevisionContent("标题：三社联动", "副标题", "摘要", body, "民政部", "作者",
                "责任编辑", Kind.POLICY, true, List.of(news, content.column("policy").id()), List.of("社工", "社工站"),
                "辽宁省大连市", T);
        revisions.insert(new Revision(articleId, 1, 0, written, 7L, "王编辑（wang）", T, false));
        revisions.insert(new Revision(articleId, 2, 1, written, null, "系统定时任务", T.plusSeconds(1), true));

        Revision read = revisions.find(articleId, 1).orElseThrow();
        assertThat(read.content()).isEqualTo(written);
        assertThat(read.createdBy()).isEqualTo(7L);
        assertThat(read.createdAt()).isEqualTo(T);
        assertThat(revisions.find(articleId, 2).orElseThrow().createdBy()).isNull();
        assertThat(read.autosave()).isFalse();
        assertThat(revisions.find(articleId, 2).orElseThrow().autosave()).isTrue();

        List<Revision> listed = revisions.list(articleId);
        assertThat(listed).extracting(Revision::number).containsExactly(2, 1);
        assertThat(listed).extracting(Revision::autosave).containsExactly(true, false);
        assertThat(listed).allSatisfy(r -> assertThat(r.content().bodyHtml()).isNull());
    }

    @Test
    void onlyRevisionsNewerThanTheLiveOneHoldAFile() {
        RevisionContent live = new RevisionContent("标题", null, null, "<p><img src=\"/media/aa/1111-w640.jpg\"></p>",
                null, null, null, Kind.NEWS, false, List.of(news), List.of(), null, T);
        RevisionContent pending = new RevisionContent("标题", null, null, "<p><a href=\"/media/bb/2222.pdf\">名单</a></p>",
                null, null, null, Kind.NEWS, false, List.of(news), List.of(), null, T);
        revisions.insert(new Revision(articleId, 1, 0, live, 7L, "王编辑", T, false));
        revisions.insert(new Revision(articleId, 2, 1, pending, 7L, "王编辑", T.plusSeconds(1), false));
        WorkflowRecord changed = new WorkflowRecord(articleId, WorkflowState.DRAFT, 0, 7L, news, 2, 1, false, null,
                null, null, T, 0, List.of());
        workflows.insert(changed, 7L);

        assertThat(revisions.unpublishedContaining("/media/bb/2222")).containsExactly(articleId);
        assertThat(revisions.unpublishedContaining("/media/aa/1111")).as("only in the live revision").isEmpty();
        assertThat(revisions.unpublishedContaining("/media/cc/3333")).isEmpty();

        WorkflowRecord published = new WorkflowRecord(articleId, WorkflowState.LIVE, 0, 7L, news, 2, 2, true,
                null, null, null, T, 1, List.of());
        assertThat(workflows.compareAndSet(published, 0, 7L)).isTrue();
        assertThat(revisions.unpublishedContaining("/media/bb/2222")).as("now live: media_use follows it").isEmpty();
    }

    @Test
    void aTransitionFromAStaleVersionIsRefused() {
        WorkflowRecord draft = new WorkflowRecord(articleId, WorkflowState.DRAFT, 0, 7L, news, 1, null, false, null,
                null, null, T, 0, java.util.List.of());
        workflows.insert(draft, 7L);
        assertThat(workflows.find(articleId)).contains(draft);

        WorkflowRecord submitted = new WorkflowRecord(articleId, WorkflowState.IN_REVIEW, 1, 7L, news, 1, null, false,
                null, null, "请审", T.plusSeconds(5), 0, java.util.List.of(3L, 4L));
        assertThat(workflows.compareAndSet(submitted, 0, 7L)).isTrue();
        assertThat(workflows.compareAndSet(submitted, 0, 8L)).as("stale version").isFalse();
        WorkflowRecord stored = workflows.find(articleId).orElseThrow();
        assertThat(stored.state()).isEqualTo(WorkflowState.IN_REVIEW);
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.lastComment()).isEqualTo("请审");
        assertThat(stored.roundReviewers()).containsExactly(3L, 4L);
    }

    @Test
    void dueListsFindScheduledAndExpiringArticlesWhoseTimeHasCome() {
        workflows.insert(new WorkflowRecord(articleId, WorkflowState.SCHEDULED, 0, null, news, 1, null, false,
                T.plusSeconds(60), T.plusSeconds(3600), null, T, 0, java.util.List.of()), null);
        long other = content.publish("w2", "已发布", T, "news");
        workflows.insert(new WorkflowRecord(other, WorkflowState.LIVE, 0, null, news, 1, 1, true, null,
                T.plusSeconds(120), null, T, 0, java.util.List.of()), null);

        assertThat(workflows.dueForPublishing(T.plusSeconds(59), 10)).isEmpty();
        assertThat(workflows.dueForPublishing(T.plusSeconds(60), 10)).containsExactly(articleId);
        assertThat(workflows.dueForExpiry(T.plusSeconds(119), 10)).isEmpty();
        assertThat(workflows.dueForExpiry(T.plusSeconds(3600), 10)).containsExactly(other);
    }

    @Test
    void reviewLevelsDefaultToThreeAndAreValidated() {
        ReviewLevels levels = new ReviewLevels(content.db.jdbc());
        assertThat(levels.of(news)).isEqualTo(3);
        levels.set(news, 1);
        levels.set(news, 2);
        assertThat(levels.of(news)).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> levels.set(news, 4))
                .hasMessage("审核级数只能是 1 到 3");
    }

    @Test
    void theAuditLogKeepsEveryEntryInOrderWithItsAddressAndComment() {
        AuditLog audit = new AuditLog(content.db.jdbc(), content.clock);
        Actor wang = new Actor(7L, "王编辑（wang）", false, List.of(), "2001:db8::1");
        audit.append(wang, AuditCode.SUBMIT, articleId, 1, "  请审阅  ");
        content.clock.advance(Duration.ofSeconds(1));
        audit.append(Actor.system(), AuditCode.PUBLISH, articleId, 1, null);
        audit.append(wang, AuditCode.USER_UNLOCK, null, null, "x".repeat(2500));

        List<AuditEntry> history = audit.forArticle(articleId);
        assertThat(history).extracting(AuditEntry::action).containsExactly("submit", "publish");
        assertThat(history.get(0).comment()).isEqualTo("请审阅");
        assertThat(history.get(0).address()).isEqualTo("2001:db8::1");
        assertThat(history.get(0).at()).isEqualTo(content.clock.instant().minusSeconds(1));
        assertThat(history.get(1).actorId()).isNull();
        assertThat(audit.latest(7L, null, 10)).extracting(AuditEntry::action).containsExactly("user-unlock", "submit");
        assertThat(audit.latest(null, AuditCode.PUBLISH, 10)).hasSize(1);
        assertThat(audit.latest(7L, AuditCode.USER_UNLOCK, 10).get(0).comment()).hasSize(2000);

        AuditLog.Filter byArticle = new AuditLog.Filter(null, null, articleId, null, null);
        List<AuditEntry> newest = audit.search(byArticle, null, 1);
        assertThat(newest).extracting(AuditEntry::action).containsExactly("publish");
        assertThat(audit.search(byArticle, newest.get(0).id(), 10)).extracting(AuditEntry::action)
                .containsExactly("submit");
        Instant now = content.clock.instant();
        assertThat(audit.search(new AuditLog.Filter(null, null, null, now, now.plusSeconds(1)), null, 10))
                .extracting(AuditEntry::action).containsExactly("user-unlock", "publish");
        assertThat(audit.search(new AuditLog.Filter(null, null, null, null, now), null, 10))
                .extracting(AuditEntry::action).containsExactly("submit");
    }

    @Test
    void aJobLeaseIsHeldByOneNodeUntilReleasedOrRunOut() {
        JobLock lock = new JobLock(content.db.jdbc(), content.clock);
        assertThat(lock.tryAcquire("job", "a", Duration.ofSeconds(60))).isTrue();
        assertThat(lock.tryAcquire("job", "b", Duration.ofSeconds(60))).isFalse();
        lock.release("job", "b");
        assertThat(lock.tryAcquire("job", "b", Duration.ofSeconds(60))).as("b cannot release a's lease").isFalse();
        lock.release("job", "a");
        assertThat(lock.tryAcquire("job", "b", Duration.ofSeconds(60))).isTrue();
        content.clock.advance(Duration.ofSeconds(61));
        assertThat(lock.tryAcquire("job", "a", Duration.ofSeconds(60))).isTrue();
    }
}
