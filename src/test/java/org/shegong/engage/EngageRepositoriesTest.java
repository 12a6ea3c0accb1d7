package org.shegong.engage;

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
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;

/** The engage feature's SQL (questions, organisations, submissions) on H2, PostgreSQL and MariaDB. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class EngageRepositoriesTest {

    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

    @Parameter
    DatabaseTarget target;

    ContentFixture content;
    QuestionRepository questions;
    OrganisationRepository organisations;

    @BeforeEach
    void setUp() {
        content = new ContentFixture(TestDatabase.fresh(target));
        questions = new QuestionRepository(content.db.jdbc());
        organisations = new OrganisationRepository(content.db.jdbc());
    }

    @Test
    void questionsAreCountedPerAddressAndContactAndListedWhenPublished() {
        long news = content.column("news").id();
        long article = content.publish("a", "社工站开放日", NOW, "news");
        long first = questions.insert(new NewQuestion(article, news, null, "a@example.com", "问题一", "内容"), null,
                "10.0.0.1", NOW.minus(Duration.ofHours(2)));
        long second = questions.insert(new NewQuestion(null, news, "王女士", "a@example.com", "问题二", "内容"),
                "敏感词：内容“某词”", "10.0.0.1", NOW);
        questions.insert(new NewQuestion(null, null, null, "13800138000", "问题三", "内容"), null, "10.0.0.2", NOW);

        assertThat(questions.countFromAddressSince("10.0.0.1", NOW.minus(Duration.ofHours(1)))).isEqualTo(1);
        assertThat(questions.countFromAddressSince("10.0.0.1", NOW.minus(Duration.ofHours(3)))).isEqualTo(2);
        assertThat(questions.countFromContactSince("a@example.com", NOW.minus(Duration.ofDays(1)))).isEqualTo(2);
        assertThat(questions.inState(QuestionState.PENDING, 10)).extracting(Question::id).startsWith(first, second);
        assertThat(questions.find(second).orElseThrow().flags()).isEqualTo("敏感词：内容“某词”");

        Question q1 = questions.find(first).orElseThrow();
        assertThat(questions.publish(q1, "答复一", 7L, "编辑", NOW)).isTrue();
        assertThat(questions.publish(q1, "过时的版本", 7L, "编辑", NOW)).isFalse();
        Question q2 = questions.find(second).orElseThrow();
        assertThat(questions.publish(q2, "答复二", 7L, "编辑", NOW.plusSeconds(60))).isTrue();

        assertThat(questions.published(article, null, 0, 10)).extracting(Question::answer).containsExactly("答复一");
        assertThat(questions.published(null, news, 0, 10)).extracting(Question::id).containsExactly(second, first);
        assertThat(questions.published(null, null, 1, 10)).extracting(Question::id).containsExactly(first);
        assertThat(questions.countPublished(news)).isEqualTo(2);
        assertThat(questions.countPublished(null)).isEqualTo(2);
        Question published = questions.find(second).orElseThrow();
        assertThat(questions.reject(published, "撤下")).isTrue();
        assertThat(questions.countPublished(null)).isEqualTo(1);
        assertThat(questions.find(first).orElseThrow().answeredAt()).isEqualTo(NOW);
    }

    @Test
    void organisationsVerifyLockAndKeepTheirSubmissions() {
        long id = organisations.insert("兴平街道社工站", "李社工", "xp@example.org", "13800138000", "hash", "token-hash",
                "10.0.0.1", NOW);
        assertThat(organisations.byEmail("xp@example.org").orElseThrow().verified()).isFalse();
        assertThat(organisations.registeredFromAddressSince("10.0.0.1", NOW.minusSeconds(1))).isEqualTo(1);
        assertThat(organisations.verify("other", NOW)).isFalse();
        assertThat(organisations.verify("token-hash", NOW)).isTrue();
        assertThat(organisations.verify("token-hash", NOW)).isFalse();
        Organisation verified = organisations.find(id).orElseThrow();
        assertThat(verified.emailVerifiedAt()).isEqualTo(NOW);
        assertThat(verified.actorId()).isEqualTo(-id);

        organisations.loginFailed(id, null);
        organisations.loginFailed(id, NOW.plusSeconds(900));
        assertThat(organisations.find(id).orElseThrow().failedLogins()).isEqualTo(2);
        assertThat(organisations.find(id).orElseThrow().lockedUntil()).isEqualTo(NOW.plusSeconds(900));
        organisations.loginSucceeded(id);
        assertThat(organisations.find(id).orElseThrow().lockedUntil()).isNull();

        long a = content.publish("a", "投稿一", NOW, "news");
        long b = content.publish("b", "投稿二", NOW, "news");
        organisations.recordSubmission(id, a, "10.0.0.1", NOW);
        organisations.recordSubmission(id, b, "10.0.0.1", NOW.plusSeconds(1));
        assertThat(organisations.submittedArticles(id, 10)).containsExactly(b, a);
        assertThat(organisations.submissionsSince(id, NOW)).isEqualTo(2);
        assertThat(organisations.submissionsFromAddressSince("10.0.0.1", NOW.plusSeconds(1))).isEqualTo(1);
        assertThat(List.of(a, b)).isNotEmpty();
    }

    @Test
    void resetLinksAreSpacedOutExpireAndWorkOnce() {
        long id = organisations.insert("重设密码单位", "王社工", "reset@example.org", "13800138000", "old-hash", null,
                "10.0.0.3", NOW);
        organisations.loginFailed(id, NOW.plusSeconds(900));
        assertThat(organisations.newResetToken(id, "first", NOW, NOW.minusSeconds(600))).isTrue();
        assertThat(organisations.newResetToken(id, "second", NOW.plusSeconds(60), NOW.minusSeconds(540))).isFalse();
        assertThat(organisations.byResetToken("first", NOW.minusSeconds(3600))).isPresent();
        assertThat(organisations.byResetToken("first", NOW.plusSeconds(1))).isEmpty();
        assertThat(organisations.byResetToken("second", NOW.minusSeconds(3600))).isEmpty();
        assertThat(organisations.resetPassword(id, "first", "new-hash")).isTrue();
        assertThat(organisations.resetPassword(id, "first", "other-hash")).isFalse();
        Organisation after = organisations.find(id).orElseThrow();
        assertThat(after.passwordHash()).isEqualTo("new-hash");
        assertThat(after.lockedUntil()).isNull();
        assertThat(after.failedLogins()).isZero();
        assertThat(organisations.newResetToken(id, "third", NOW.plusSeconds(601), NOW.plusSeconds(1))).isTrue();

        long article = content.publish("c", "附件投稿", NOW, "news");
        organisations.recordSubmission(id, article, "10.0.0.3", NOW);
        assertThat(organisations.submittedBy(id, article)).isTrue();
        assertThat(organisations.submittedBy(id + 1, article)).isFalse();
        SubmissionFileRepository files = new SubmissionFileRepository(content.db.jdbc());
        files.insert(article, List.of(new SubmissionFile(5, "ab/" + "0".repeat(32) + ".pdf", "方案.pdf", "application/pdf",
                false, 2048), new SubmissionFile(6, "cd/" + "1".repeat(32) + ".jpg", "现场.jpg", "image/jpeg", true, 4096)));
        assertThat(files.forArticle(article)).extracting(SubmissionFile::name).containsExactly("方案.pdf", "现场.jpg");
        assertThat(files.forArticle(article).get(1).image()).isTrue();
        assertThat(files.forArticle(article + 1)).isEmpty();
    }
}
