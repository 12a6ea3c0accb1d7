package org.shegong.editorial.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shegong.account.AccountService;
import org.shegong.account.Actor;
import org.shegong.account.Actors;
import org.shegong.account.ColumnGrant;
import org.shegong.account.Role;
import org.shegong.column.ColumnService;
import org.shegong.column.ReviewLevels;
import org.shegong.content.ArticleService;
import org.shegong.content.Kind;
import org.shegong.system.audit.AuditEntry;
import org.shegong.system.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Separation of duties (ADR 0028): nobody passes a level of their own article, one person passes at most one
 * level of a round (unless the column turns that off), a reviewer corrects the text without sending the
 * article back, and the last reviewer approves and publishes in one step.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:separation;DB_CLOSE_DELAY=-1",
        "shegong.demo-content=false", "shegong.workflow.schedule-initial-delay=1h"})
class SeparationOfDutiesTest {

    @Autowired AccountService accounts;
    @Autowired Actors actors;
    @Autowired ColumnService columns;
    @Autowired ArticleService articles;
    @Autowired ReviewLevels reviewLevels;
    @Autowired SaveRevisionAction save;
    @Autowired SubmitAction submit;
    @Autowired ApproveAction approve;
    @Autowired RejectAction reject;
    @Autowired ApproveAndPublishAction approveAndPublish;
    @Autowired WorkflowRepository workflows;
    @Autowired RevisionRepository revisions;
    @Autowired AuditLog audit;

    long news;
    long policy;
    Actor contributor;
    Actor editor;
    Actor reviewer;
    Actor chief;
    Actor otherChief;

    @BeforeEach
    void users() {
        news = columns.bySlug("news").orElseThrow().id();
        policy = columns.bySlug("policy").orElseThrow().id();
        String suffix = String.valueOf(System.nanoTime() % 100_000_000);
        contributor = user("c" + suffix, Role.CONTRIBUTOR);
        editor = user("e" + suffix, Role.EDITOR);
        reviewer = user("r" + suffix, Role.REVIEWER);
        chief = user("z" + suffix, Role.CHIEF_EDITOR);
        otherChief = user("y" + suffix, Role.CHIEF_EDITOR);
    }

    private Actor user(String username, Role role) {
        long id = accounts.create(username, role.label() + username, "pass-word-12345", false,
                List.of(new ColumnGrant(news, role), new ColumnGrant(policy, role)));
        return actors.of(id, "203.0.113.9");
    }

    private RevisionContent content(String title, String body, long column) {
        return new RevisionContent(title, null, null, body, "本网", null, null, Kind.NEWS, false, List.of(column),
                List.of(), null, null);
    }

    private long submitted(Actor author, String title, long column) {
        long id = save.create(author, content(title, "<p>" + title + "的正文。</p>", column));
        submit.submit(author, id, null);
        return id;
    }

    private WorkflowRecord record(long id) {
        return workflows.find(id).orElseThrow();
    }

    @Test
    void nobodyPassesALevelOfTheirOwnArticleNotEvenAChiefEditor() {
        long byChief = submitted(chief, "终审自己的稿件", news);
        approve.approve(editor, byChief, null);
        approve.approve(reviewer, byChief, null);
        assertThatThrownBy(() -> approve.approve(chief, byChief, null)).isInstanceOf(EditorialException.class)
                .hasMessage("您不能审核自己的稿件");
        assertThat(record(byChief).reviewLevel()).isEqualTo(3);
        approve.approve(otherChief, byChief, null);
        assertThat(record(byChief).state()).isEqualTo(WorkflowState.APPROVED);

        long byEditor = submitted(editor, "初审自己的稿件", news);
        assertThatThrownBy(() -> approve.approve(editor, byEditor, null)).hasMessage("您不能审核自己的稿件");
        assertThat(record(byEditor).reviewLevel()).isEqualTo(1);
    }

    @Test
    void onePersonPassesOneLevelOfARoundUnlessTheColumnAllowsMore() {
        long id = submitted(contributor, "三级三人", news);
        approve.approve(chief, id, null);
        assertThatThrownBy(() -> approve.approve(chief, id, null)).isInstanceOf(EditorialException.class)
                .hasMessage("您已通过本轮的一级审核，同一轮的下一级须由其他人审核");
        approve.approve(reviewer, id, null);
        assertThatThrownBy(() -> approve.approve(chief, id, null)).hasMessageContaining("须由其他人审核");
        assertThat(record(id).roundReviewers()).hasSize(2);
        approve.approve(otherChief, id, null);
        assertThat(record(id).state()).isEqualTo(WorkflowState.APPROVED);

        reviewLevels.setOneLevelPerPerson(policy, false);
        assertThat(reviewLevels.rules(policy).oneLevelPerPerson()).isFalse();
        assertThat(reviewLevels.rules(news).oneLevelPerPerson()).as("on by default").isTrue();
        long thin = submitted(contributor, "人手少的栏目", policy);
        approve.approve(chief, thin, null);
        approve.approve(chief, thin, null);
        approve.approve(chief, thin, null);
        assertThat(record(thin).state()).isEqualTo(WorkflowState.APPROVED);
        assertThatThrownBy(() -> approve.approve(contributor, submitted(contributor, "自审", policy), null))
                .hasMessageContaining("没有权限");
    }

    @Test
    void aNewRoundForgetsWhoPassedTheLastOne() {
        long id = submitted(contributor, "重新提交", news);
        approve.approve(editor, id, null);
        assertThat(record(id).passedThisRound(editor.userId())).isTrue();
        reject.reject(reviewer, id, "请补充");
        save.save(contributor, id, 1, content("重新提交", "<p>补充后的正文。</p>", news), null);
        submit.submit(contributor, id, null);
        assertThat(record(id).roundReviewers()).isEmpty();
        approve.approve(editor, id, null);
        assertThat(record(id).reviewLevel()).isEqualTo(2);
    }

    @Test
    void aReviewerCorrectsTheTextDuringReviewAndTheReviewGoesOnAtTheSameLevel() {
        long id = submitted(contributor, "审核中改错字", news);
        approve.approve(editor, id, null);
        assertThat(record(id).reviewLevel()).isEqualTo(2);

        assertThatThrownBy(() -> save.save(contributor, id, 1, content("审核中改错字", "<p>作者改</p>", news), null))
                .hasMessage("稿件当前状态为“审核中”，不能保存");
        assertThatThrownBy(() -> save.save(editor, id, 1, content("审核中改错字", "<p>初审再改</p>", news), null))
                .as("who passed a level does not touch the text after it").hasMessage("稿件当前状态为“审核中”，不能保存");

        int number = save.save(reviewer, id, 1, content("审核中改错字", "<p>审核中改错字的正文（已更正）。</p>", news),
                "更正错字");
        WorkflowRecord after = record(id);
        assertThat(after.state()).isEqualTo(WorkflowState.IN_REVIEW);
        assertThat(after.reviewLevel()).as("the review goes on where it was").isEqualTo(2);
        assertThat(after.latestRevision()).isEqualTo(number).isEqualTo(2);
        assertThat(after.roundReviewers()).containsExactly(editor.userId());
        assertThat(revisions.find(id, 2).orElseThrow().content().bodyHtml()).contains("已更正");
        List<AuditEntry> history = audit.forArticle(id);
        assertThat(history).extracting(AuditEntry::action).containsExactly("create", "submit", "approve", "review_edit");
        assertThat(history.get(3).comment()).isEqualTo("更正错字");
        assertThatThrownBy(() -> save.save(reviewer, id, 2, content("换栏目", "<p>x</p>", policy), null))
                .hasMessage("审核中不能更换主栏目，请退回后再改");

        approve.approve(reviewer, id, null);
        assertThat(record(id).reviewLevel()).isEqualTo(3);
    }

    @Test
    void theLastReviewerApprovesAndPublishesInOneStepAuditedAsBoth() {
        long id = submitted(contributor, "通过并发布", news);
        assertThatThrownBy(() -> approveAndPublish.approveAndPublish(editor, id, null, null))
                .as("only at the last level").isInstanceOf(EditorialException.class);
        approve.approve(editor, id, null);
        approve.approve(reviewer, id, null);
        approveAndPublish.approveAndPublish(chief, id, "可以发布", null);
        assertThat(record(id).state()).isEqualTo(WorkflowState.LIVE);
        assertThat(articles.find(id).orElseThrow().isLive()).isTrue();
        assertThat(audit.forArticle(id)).extracting(AuditEntry::action)
                .containsExactly("create", "submit", "approve", "approve", "approve", "publish");
    }
}
