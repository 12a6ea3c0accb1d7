package org.shegong.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.content.Article;
import org.shegong.content.ArticleInput;
import org.shegong.content.ArticleListItem;
import org.shegong.content.ArticleStatus;
import org.shegong.content.Kind;
import org.shegong.digest.DigestService.Generated.Outcome;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;
import org.shegong.system.jobs.JobLock;

/** Composing, idempotent regeneration, editing and publishing of digests, on H2, PostgreSQL and MariaDB. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class DigestServiceTest {

    static final DigestWindow WEEK = new DigestWindow(LocalDate.parse("2021-08-23"), LocalDate.parse("2021-08-29"));
    /** 2021-08-23 00:00 in Shanghai. */
    static final Instant WEEK_START = Instant.parse("2021-08-22T16:00:00Z");

    @Parameter
    DatabaseTarget target;

    DigestFixture f;
    long policy;
    long federation;
    long news;
    long both;

    @BeforeEach
    void setUp() {
        f = new DigestFixture(TestDatabase.fresh(target));
        f.content.publish("before", "上周日深夜的新闻", WEEK_START.minusSeconds(1), "news");
        policy = f.content.publish("p1", "民政部印发<社会工作>指导意见 & 通知", WEEK_START, "policy");
        federation = f.content.publish("f1", "联合会召开年会", WEEK_START.plus(Duration.ofDays(2)), "federation");
        news = f.content.publish("n1", "辽宁社工站建设全覆盖", WEEK_START.plus(Duration.ofDays(3)), "news");
        both = f.content.publish("b1", "政策解读也是行业新闻", WEEK_START.plus(Duration.ofDays(4)), "news", "policy");
        f.content.publish("after", "下周一零点的新闻", WEEK_START.plus(Duration.ofDays(7)), "news");
        f.tx(() -> f.content.service.save(new ArticleInput("old-digest", "社会工作一周动态 (8.16-8.22)", null, null,
                "<p>上期</p>", null, null, null, Kind.DIGEST, false, List.of(f.content.column("news").id()), List.of(),
                null, WEEK_START.plusSeconds(60), ArticleStatus.LIVE)));
    }

    @Test
    void draftsTheWeekInSectionsWithLinkedTitlesAndSummaries() {
        DigestService.Generated generated = f.tx(() -> f.service.generate(WEEK));
        assertThat(generated.outcome()).isEqualTo(Outcome.CREATED);
        Digest digest = generated.digest();
        assertThat(digest.status()).isEqualTo(Digest.Status.DRAFT);
        assertThat(f.service.entries(digest.id())).extracting(DigestEntry::sectionKey, DigestEntry::articleId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("policy", both),
                        org.assertj.core.groups.Tuple.tuple("policy", policy),
                        org.assertj.core.groups.Tuple.tuple("federation", federation),
                        org.assertj.core.groups.Tuple.tuple("news", news));

        Article article = f.content.service.find(digest.articleId()).orElseThrow();
        assertThat(article.title()).isEqualTo("社会工作一周动态 (8.23-8.29)");
        assertThat(article.kind()).isEqualTo(Kind.DIGEST);
        assertThat(article.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(article.columnIds()).containsExactlyInAnyOrder(f.content.column("weekly").id(),
                f.content.column("news").id());
        assertThat(article.summary()).isEqualTo("本期汇总政策参考 2 条、联合会动态 1 条、行业动态 1 条。");
        String body = article.bodyHtml();
        assertThat(body).startsWith("<p>社工中国网由中国社会工作联合会主办")
                .contains("<h2>政策参考</h2>", "<h2>联合会动态</h2>", "<h2>行业动态</h2>")
                .contains("<a href=\"/article/" + policy + "\">民政部印发&lt;社会工作&gt;指导意见 &amp; 通知</a>")
                .doesNotContain("上周日深夜", "下周一零点", "8.16-8.22")
                // The stored body never freezes the site's address: its links are relative.
                .doesNotContain(DigestFixture.BASE, "http://", "https://");
        assertThat(body.indexOf("政策参考")).isLessThan(body.indexOf("联合会动态"));
        // A draft is not public: not listed anywhere.
        assertThat(f.content.listing.latest(f.content.column("weekly").id(), 5)).isEmpty();
    }

    @Test
    void generatingTheSameWindowAgainGivesTheSameDraftNotASecondOne() {
        Digest first = f.tx(() -> f.service.generate(WEEK)).digest();
        DigestService.Generated again = f.tx(() -> f.service.generate(WEEK));
        assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(again.digest().id()).isEqualTo(first.id());
        assertThat(count("digest")).isEqualTo(1);
        assertThat(f.content.db.jdbc().sql("SELECT COUNT(*) FROM article WHERE kind = 'DIGEST'")
                .query(Long.class).single()).isEqualTo(2);

        long late = f.content.publish("n2", "周末补发的新闻", WEEK_START.plus(Duration.ofDays(6)), "news");
        DigestService.Generated recomposed = f.tx(() -> f.service.generate(WEEK));
        assertThat(recomposed.outcome()).isEqualTo(Outcome.RECOMPOSED);
        assertThat(recomposed.digest().id()).isEqualTo(first.id());
        assertThat(f.service.entries(first.id())).extracting(DigestEntry::articleId).contains(late);
        assertThat(f.content.service.find(first.articleId()).orElseThrow().bodyHtml()).contains("周末补发的新闻");
        assertThat(count("digest")).isEqualTo(1);
    }

    @Test
    void anEditedDraftIsKeptWhenTheWindowIsGeneratedAgain() {
        Digest digest = f.tx(() -> f.service.generate(WEEK)).digest();
        List<DigestEntry> reordered = new ArrayList<>(f.service.entries(digest.id()));
        DigestEntry dropped = reordered.remove(0);
        reordered.add(0, reordered.remove(reordered.size() - 1));
        f.tx(() -> f.service.editEntries(digest.id(), reordered));
        f.tx(() -> f.service.editIntroduction(digest.id(), "本周导语"));
        f.content.publish("n3", "又一条新闻", WEEK_START.plus(Duration.ofDays(5)), "news");

        DigestService.Generated again = f.tx(() -> f.service.generate(WEEK));
        assertThat(again.outcome()).isEqualTo(Outcome.KEPT_EDITED);
        assertThat(f.service.entries(digest.id())).containsExactlyElementsOf(reordered).doesNotContain(dropped);
        assertThat(f.content.service.find(digest.articleId()).orElseThrow().bodyHtml()).startsWith("<p>本周导语</p>")
                .doesNotContain("又一条新闻");

        // An editor who wants the machine's version back asks for it explicitly.
        assertThat(f.tx(() -> f.service.recompose(digest.id())).outcome()).isEqualTo(Outcome.RECOMPOSED);
        assertThat(f.service.findDigest(digest.id()).orElseThrow().edited()).isFalse();
        assertThat(f.content.service.find(digest.articleId()).orElseThrow().bodyHtml())
                .startsWith("<p>社工中国网由中国社会工作联合会主办").contains("又一条新闻");
        assertThat(f.tx(() -> f.service.generate(WEEK)).outcome()).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void editsAreValidated() {
        Digest digest = f.tx(() -> f.service.generate(WEEK)).digest();
        assertThatThrownBy(() -> f.tx(() -> f.service.editEntries(digest.id(),
                List.of(new DigestEntry("news", 999_999, "不存在", "")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("不存在");
        assertThatThrownBy(() -> f.tx(() -> f.service.editEntries(digest.id(),
                List.of(new DigestEntry("sports", news, "标题", "")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("未知");
        assertThatThrownBy(() -> f.tx(() -> f.service.editIntroduction(digest.id(), "  ")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(f.service.findDigest(digest.id()).orElseThrow().edited()).isFalse();
        assertThatThrownBy(() -> f.service.recompose(424242)).isInstanceOf(DigestNotFoundException.class);
    }

    /** Digests go live only through the editorial workflow; its "went live" event is what publishes them. */
    @Test
    void theWorkflowPuttingItsArticleLivePublishesTheDigestAnnouncesItAndRendersAbsoluteLinks() {
        Digest draft = f.tx(() -> f.service.generate(WEEK)).digest();
        f.content.clock.set(Instant.parse("2021-08-30T03:00:00Z"));
        Digest published = f.tx(() -> f.service.articleWentLive(draft.articleId())).orElseThrow();
        assertThat(published.status()).isEqualTo(Digest.Status.PUBLISHED);
        assertThat(published.publishedAt()).isEqualTo(Instant.parse("2021-08-30T03:00:00Z"));
        assertThat(f.content.db.jdbc().sql("SELECT event_type FROM outbox_event WHERE aggregate_id = ? "
                        + "AND event_type = 'digest.published'")
                .param(draft.id()).query(String.class).list()).containsExactly("digest.published");

        assertThat(f.tx(() -> f.service.generate(WEEK)).outcome()).isEqualTo(Outcome.KEPT_PUBLISHED);
        assertThatThrownBy(() -> f.tx(() -> f.service.recompose(draft.id()))).isInstanceOf(IllegalStateException.class);
        DigestService.Rendered rendered = f.service.render(draft.id());
        assertThat(rendered.text()).contains("社会工作一周动态 (8.23-8.29)", "【政策参考】",
                "民政部印发<社会工作>指导意见 & 通知", DigestFixture.BASE + "/article/" + policy);
        assertThat(rendered.url()).isEqualTo(DigestFixture.BASE + "/article/" + draft.articleId());
    }

    @Test
    void aDraftHeldForReviewIsKeptAndItsArticleGoingLivePublishesItOnce() {
        Digest draft = f.tx(() -> f.service.generate(WEEK)).digest();
        f.tx(() -> {
            f.service.hold(draft.id());
            return null;
        });
        f.content.publish("late", "送审后才发布的新闻", WEEK_START.plus(Duration.ofDays(6)), "news");
        assertThat(f.tx(() -> f.service.generate(WEEK)).outcome()).isEqualTo(Outcome.KEPT_EDITED);
        assertThat(f.tx(() -> f.service.articleWentLive(news))).isEmpty();
        f.content.clock.set(Instant.parse("2021-08-30T03:00:00Z"));
        assertThat(f.tx(() -> f.service.articleWentLive(draft.articleId()))).get()
                .extracting(Digest::status, Digest::publishedAt)
                .containsExactly(Digest.Status.PUBLISHED, Instant.parse("2021-08-30T03:00:00Z"));
        // Withdrawn and published again: the digest stays published and is not mailed a second time.
        assertThat(f.tx(() -> f.service.articleWentLive(draft.articleId()))).isEmpty();
        assertThat(f.content.db.jdbc().sql("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'digest.published' "
                + "AND aggregate_id = ?").param(draft.id()).query(Long.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> f.tx(() -> f.service.editIntroduction(draft.id(), "发布后再改")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void twoNodesFiringTheWeeklyJobTogetherMakeOneDraft() throws Exception {
        f.content.clock.set(Instant.parse("2021-08-30T00:00:00Z"));
        List<JobLock> nodes = List.of(new JobLock(f.content.db.jdbc(), f.content.clock, "node-a"),
                new JobLock(f.content.db.jdbc(), f.content.clock, "node-b"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (JobLock node : nodes) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return node.runOnce(DigestSchedule.JOB, Duration.ofMinutes(30), Duration.ofHours(1),
                            () -> f.tx(() -> f.service.generatePastWeek()));
                }));
            }
            start.countDown();
            int ran = 0;
            for (Future<Boolean> run : runs) {
                ran += run.get() ? 1 : 0;
            }
            assertThat(ran).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("digest")).isEqualTo(1);
        assertThat(f.service.findByWindow(WEEK)).isPresent();
    }

    private long count(String table) {
        return f.content.db.jdbc().sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
