package org.shegong.editorial.workflow;

import org.shegong.account.Actor;
import org.shegong.account.Actors;
import org.shegong.system.audit.AuditEntry;
import org.shegong.system.audit.AuditLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shegong.account.AccountService;
import org.shegong.account.ColumnGrant;
import org.shegong.account.Role;
import org.shegong.column.ColumnService;
import org.shegong.content.Article;
import org.shegong.content.ArticleService;
import org.shegong.content.ArticleStatus;
import org.shegong.content.Kind;
import org.shegong.system.MutableClock;
import org.shegong.system.MutableClockConfig;
import org.shegong.system.jobs.JobLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The editorial actions end to end on the application's services: workflow, revisions, conflicts, schedule. */
@Import(MutableClockConfig.class)
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:editorial;DB_CLOSE_DELAY=-1",
        "shegong.demo-content=false", "shegong.workflow.schedule-initial-delay=1h",
        "shegong.workflow.schedule-interval=1h"})
class EditorialActionsTest {

    @Autowired AccountService accounts;
    @Autowired Actors actors;
    @Autowired ColumnService columns;
    @Autowired ArticleService articles;
    @Autowired SaveRevisionAction save;
    @Autowired RestoreRevisionAction restore;
    @Autowired SubmitAction submit;
    @Autowired ApproveAction approve;
    @Autowired RejectAction reject;
    @Autowired PublishAction publish;
    @Autowired ScheduleAction schedule;
    @Autowired UnscheduleAction unschedule;
    @Autowired WithdrawAction withdraw;
    @Autowired ExpireAction expire;
    @Autowired WorkflowRepository workflows;
    @Autowired RevisionRepository revisions;
    @Autowired AuditLog audit;
    @Autowired ScheduledPublishing scheduler;
    @Autowired JobLock jobLock;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired org.shegong.editorial.sensitive.SensitiveWords sensitiveWords;

    long news;
    Actor contributor;
    Actor editor;
    Actor reviewer;
    Actor chief;

    @BeforeEach
    void users() {
        news = columns.bySlug("news").orElseThrow().id();
        String suffix = String.valueOf(System.nanoTime() % 100_000_000);
        contributor = user("c" + suffix, Role.CONTRIBUTOR);
        editor = user("e" + suffix, Role.EDITOR);
        reviewer = user("r" + suffix, Role.REVIEWER);
        chief = user("z" + suffix, Role.CHIEF_EDITOR);
    }

    private Actor user(String username, Role role) {
        long id = accounts.create(username, role.label() + username, "pass-word-12345", false,
                List.of(new ColumnGrant(news, role)));
        return actors.of(id, "203.0.113.7");
    }

    private RevisionContent content(String title) {
        return new RevisionContent(title, null, null, "<p>" + title + "的正文。</p>", "本网", null, null, Kind.NEWS,
                false, List.of(news), List.of("社工"), "辽宁", null);
    }

    private WorkflowState state(long id) {
        return workflows.find(id).orElseThrow().state();
    }

    private long approvedArticle(String title) {
        long id = save.create(contributor, content(title));
        submit.submit(contributor, id, null);
        approve.approve(editor, id, null);
        approve.approve(reviewer, id, null);
        approve.approve(chief, id, null);
        return id;
    }

    @Test
    void aContributionPassesThreeLevelsAndIsPublishedThenWithdrawnWithEveryStepAudited() {
        long id = save.create(contributor, content("大连市社工站建设全面铺开"));
        assertThat(state(id)).isEqualTo(WorkflowState.DRAFT);
        assertThat(articles.find(id).orElseThrow().status()).isEqualTo(ArticleStatus.DRAFT);

        submit.submit(contributor, id, "请审阅");
        assertThat(workflows.find(id).orElseThrow().reviewLevel()).isEqualTo(1);
        assertThat(approve.approve(editor, id, "初审无误")).isEqualTo(WorkflowState.IN_REVIEW);
        assertThatThrownBy(() -> approve.approve(editor, id, null)).isInstanceOf(EditorialException.class)
                .hasMessage("您没有权限对这篇稿件执行“审核通过”");
        assertThat(approve.approve(reviewer, id, null)).isEqualTo(WorkflowState.IN_REVIEW);
        assertThat(approve.approve(chief, id, null)).isEqualTo(WorkflowState.APPROVED);
        assertThat(articles.find(id).orElseThrow().isLive()).isFalse();

        publish.publish(chief, id, null, null);
        Article live = articles.find(id).orElseThrow();
        assertThat(live.isLive()).isTrue();
        assertThat(live.publishedAt()).isEqualTo(clock.instant());
        assertThat(state(id)).isEqualTo(WorkflowState.LIVE);

        assertThatThrownBy(() -> withdraw.withdraw(chief, id, " ")).hasMessage("请填写撤稿理由");
        withdraw.withdraw(chief, id, "信息有误");
        assertThat(articles.find(id).orElseThrow().status()).isEqualTo(ArticleStatus.WITHDRAWN);
        assertThat(state(id)).isEqualTo(WorkflowState.WITHDRAWN);

        List<AuditEntry> history = audit.forArticle(id);
        assertThat(history).extracting(AuditEntry::action)
                .containsExactly("create", "submit", "approve", "approve", "approve", "publish", "withdraw");
        assertThat(history.get(2).comment()).isEqualTo("初审通过：初审无误");
        assertThat(history.get(6).comment()).isEqualTo("信息有误");
        assertThat(history).allSatisfy(e -> assertThat(e.address()).isEqualTo("203.0.113.7"));
        assertThat(history.get(5).actorName()).contains(chief.name());
    }

    @Test
    void illegalTransitionsAreRefusedWithAChineseMessageAndChangeNothing() {
        long id = save.create(editor, content("非法操作测试"));
        assertThatThrownBy(() -> approve.approve(chief, id, null)).hasMessage("稿件当前状态为“草稿”，不能审核通过");
        assertThatThrownBy(() -> publish.publish(chief, id, null, null)).hasMessage("稿件当前状态为“草稿”，不能发布");
        assertThatThrownBy(() -> withdraw.withdraw(chief, id, "理由")).hasMessage("稿件不在网站上，无法撤稿");
        assertThatThrownBy(() -> schedule.schedule(chief, id, clock.instant().plusSeconds(600), null, null))
                .hasMessage("稿件当前状态为“草稿”，不能定时发布");
        submit.submit(editor, id, null);
        assertThatThrownBy(() -> submit.submit(editor, id, null)).hasMessage("稿件当前状态为“审核中”，不能提交审核");
        assertThatThrownBy(() -> save.save(editor, id, 1, content("审核中修改"), null))
                .hasMessage("稿件当前状态为“审核中”，不能保存");
        assertThatThrownBy(() -> unschedule.unschedule(chief, id, null)).hasMessage("稿件当前状态为“审核中”，不能取消定时");
        assertThatThrownBy(() -> expire.expire(Actor.system(), id)).hasMessage("稿件不在网站上，无法到期下线");
        assertThat(state(id)).isEqualTo(WorkflowState.IN_REVIEW);
        assertThat(audit.forArticle(id)).extracting(AuditEntry::action).containsExactly("create", "submit");
    }

    @Test
    void aRejectionNeedsACommentAndGoesBackToTheAuthorWhoCanReviseAndResubmit() {
        long id = save.create(contributor, content("需要修改的稿件"));
        submit.submit(contributor, id, null);
        assertThatThrownBy(() -> reject.reject(editor, id, "")).hasMessage("请填写退回意见");
        reject.reject(editor, id, "请补充活动时间和地点");
        WorkflowRecord rejected = workflows.find(id).orElseThrow();
        assertThat(rejected.state()).isEqualTo(WorkflowState.REJECTED);
        assertThat(rejected.lastComment()).isEqualTo("请补充活动时间和地点");

        int second = save.save(contributor, id, 1, content("需要修改的稿件（已补充）"), null);
        assertThat(second).isEqualTo(2);
        submit.submit(contributor, id, null);
        assertThat(state(id)).isEqualTo(WorkflowState.IN_REVIEW);
        assertThat(revisions.list(id)).extracting(Revision::number).containsExactly(2, 1);
    }

    @Test
    void editingALiveArticleLeavesThePublicPageAsItWasUntilTheChangeIsApprovedAndPublished() {
        long id = approvedArticle("原标题");
        publish.publish(chief, id, null, null);
        Instant firstPublished = articles.find(id).orElseThrow().publishedAt();

        clock.advance(Duration.ofHours(1));
        save.save(editor, id, 1, content("修改后的标题"), "更正");
        WorkflowRecord pending = workflows.find(id).orElseThrow();
        assertThat(pending.hasPendingChange()).isTrue();
        assertThat(pending.state()).isEqualTo(WorkflowState.DRAFT);
        assertThat(articles.find(id).orElseThrow().title()).isEqualTo("原标题");
        assertThat(articles.find(id).orElseThrow().isLive()).isTrue();

        submit.submit(editor, id, null);
        approve.approve(editor, id, null);
        approve.approve(reviewer, id, null);
        approve.approve(chief, id, null);
        assertThat(articles.find(id).orElseThrow().title()).isEqualTo("原标题");
        publish.publish(chief, id, null, null);
        Article updated = articles.find(id).orElseThrow();
        assertThat(updated.title()).isEqualTo("修改后的标题");
        assertThat(updated.publishedAt()).as("keeps its first publication time").isEqualTo(firstPublished);
        assertThat(workflows.find(id).orElseThrow().liveRevision()).isEqualTo(2);
        List<String> events = jdbc.sql("SELECT event_type FROM outbox_event WHERE aggregate_id = ? ORDER BY id")
                .param(id).query(String.class).list();
        assertThat(events.stream().filter(e -> e.startsWith("article.")).toList()).as("what readers' caches follow")
                .containsExactly("article.published", "article.updated");
        assertThat(events).as("each editorial step tells the editors' search").contains("editorial.changed");
    }

    @Test
    void aSecondSaveFromTheSameBaseIsAConflictAndOverwritesNothing() {
        long id = save.create(editor, content("第一版"));
        save.save(editor, id, 1, content("张三的修改"), null);
        assertThatThrownBy(() -> save.save(reviewer, id, 1, content("李四的修改"), null))
                .isInstanceOfSatisfying(EditConflictException.class, e -> {
                    assertThat(e.theirs().content().title()).isEqualTo("张三的修改");
                    assertThat(e.mine().title()).isEqualTo("李四的修改");
                    assertThat(e.getMessage()).contains("您的保存未生效");
                });
        assertThat(revisions.list(id)).extracting(r -> r.content().title()).containsExactly("张三的修改", "第一版");
        assertThat(articles.find(id).orElseThrow().title()).isEqualTo("张三的修改");
    }

    @Test
    void ofManyParallelSavesFromTheSameBaseExactlyOneWins() throws Exception {
        long id = save.create(editor, content("并发"));
        int writers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String title = "并发修改" + i;
                Callable<Boolean> task = () -> {
                    start.await();
                    try {
                        save.save(editor, id, 1, content(title), null);
                        return true;
                    } catch (EditConflictException e) {
                        return false;
                    }
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            int wins = 0;
            for (Future<Boolean> result : results) {
                wins += result.get() ? 1 : 0;
            }
            assertThat(wins).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(revisions.list(id)).hasSize(2);
        assertThat(workflows.find(id).orElseThrow().latestRevision()).isEqualTo(2);
    }

    @Test
    void restoringAnOldRevisionSavesItAgainAsTheNewest() {
        long id = save.create(editor, content("最初的标题"));
        save.save(editor, id, 1, content("改坏了的标题"), null);
        int restored = restore.restore(editor, id, 1, 2);
        assertThat(restored).isEqualTo(3);
        assertThat(revisions.find(id, 3).orElseThrow().content().title()).isEqualTo("最初的标题");
        assertThat(audit.forArticle(id)).extracting(AuditEntry::comment).last().isEqualTo("恢复自第 1 版");
    }

    @Test
    void aScheduledArticleGoesLiveOnTimeAndExpiresOnTimeOnceEvenWithTwoNodes() {
        long id = approvedArticle("定时发布的通知");
        Instant goLive = clock.instant().plus(Duration.ofMinutes(30));
        Instant expireAt = goLive.plus(Duration.ofDays(7));
        assertThatThrownBy(() -> schedule.schedule(chief, id, clock.instant().minusSeconds(1), null, null))
                .hasMessage("定时发布时间必须晚于当前时间");
        schedule.schedule(chief, id, goLive, expireAt, null);
        assertThat(state(id)).isEqualTo(WorkflowState.SCHEDULED);

        assertThat(scheduler.runOnce()).isZero();
        clock.set(goLive.minusSeconds(1));
        assertThat(scheduler.runOnce()).isZero();
        assertThat(articles.find(id).orElseThrow().isLive()).isFalse();

        clock.set(goLive.plusSeconds(20));
        // Another node holds the lease: this one does nothing.
        assertThat(jobLock.tryAcquire(ScheduledPublishing.JOB, "other-node", Duration.ofMinutes(2))).isTrue();
        assertThat(scheduler.runOnce()).isZero();
        jobLock.release(ScheduledPublishing.JOB, "other-node");
        assertThat(scheduler.runOnce()).isEqualTo(1);
        assertThat(scheduler.runOnce()).as("published once").isZero();
        Article live = articles.find(id).orElseThrow();
        assertThat(live.isLive()).isTrue();
        assertThat(live.publishedAt()).isEqualTo(goLive.plusSeconds(20));
        assertThat(audit.forArticle(id)).extracting(AuditEntry::actorName).last().isEqualTo("系统定时任务");

        clock.set(expireAt.plusSeconds(10));
        assertThat(scheduler.runOnce()).isEqualTo(1);
        assertThat(articles.find(id).orElseThrow().status()).isEqualTo(ArticleStatus.WITHDRAWN);
        assertThat(audit.forArticle(id)).extracting(AuditEntry::action).endsWith("schedule", "publish", "expire");
        assertThat(scheduler.runOnce()).isZero();
    }

    @Test
    void aLeaseHeldByACrashedNodeRunsOut() {
        assertThat(jobLock.tryAcquire("test-job", "crashed", Duration.ofMinutes(2))).isTrue();
        assertThat(jobLock.tryAcquire("test-job", "alive", Duration.ofMinutes(2))).isFalse();
        clock.advance(Duration.ofMinutes(2));
        assertThat(jobLock.tryAcquire("test-job", "alive", Duration.ofMinutes(2))).isTrue();
    }

    @Test
    void unschedulingKeepsTheArticleApproved() {
        long id = approvedArticle("取消定时");
        schedule.schedule(chief, id, clock.instant().plusSeconds(3600), null, "晚些发");
        unschedule.unschedule(chief, id, null);
        assertThat(state(id)).isEqualTo(WorkflowState.APPROVED);
        assertThat(workflows.find(id).orElseThrow().goLiveAt()).isNull();
    }

    @Test
    void forbiddenWordsAreNamedOnSubmitAndBlockPublishingUnlessTheChiefEditorGivesAReason() {
        sensitiveWords.add("违禁词甲\n违禁词乙", null);
        try {
            RevisionContent dirty = new RevisionContent("含违禁词甲的标题", null, null, "<p>正文里有违禁词乙。</p>", null,
                    null, null, Kind.NEWS, false, List.of(news), List.of(), null, null);
            long id = save.create(contributor, dirty);
            submit.submit(contributor, id, null);
            assertThat(audit.forArticle(id).get(1).comment()).isEqualTo("含敏感词：违禁词甲、违禁词乙");
            approve.approve(editor, id, null);
            approve.approve(reviewer, id, null);
            approve.approve(chief, id, null);

            assertThatThrownBy(() -> publish.publish(chief, id, null, null, null))
                    .hasMessageStartingWith("稿件含敏感词：违禁词甲、违禁词乙");
            assertThatThrownBy(() -> schedule.schedule(chief, id, clock.instant().plusSeconds(600), null, null, " "))
                    .hasMessageStartingWith("稿件含敏感词");
            assertThat(articles.find(id).orElseThrow().isLive()).isFalse();

            publish.publish(chief, id, null, null, "引用原文，已核实");
            assertThat(articles.find(id).orElseThrow().isLive()).isTrue();
            assertThat(audit.forArticle(id)).filteredOn(e -> e.action().equals("sensitive-override"))
                    .singleElement().satisfies(e -> {
                        assertThat(e.comment()).isEqualTo("敏感词：违禁词甲、违禁词乙；理由：引用原文，已核实");
                        assertThat(e.actorId()).isEqualTo(chief.userId());
                    });
        } finally {
            sensitiveWords.remove("违禁词甲");
            sensitiveWords.remove("违禁词乙");
        }
    }
}
