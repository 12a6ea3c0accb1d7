package org.shegong.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shegong.content.Article;
import org.shegong.content.ArticleInput;
import org.shegong.content.ArticleStatus;
import org.shegong.content.ContentFixture;
import org.shegong.content.Kind;
import org.shegong.search.SearchHit;
import org.shegong.search.SearchLoadProperties;
import org.shegong.search.SearchQuery;
import org.shegong.search.SearchResults;
import org.shegong.search.index.SearchIndex;
import org.springframework.util.unit.DataSize;

/**
 * Readers' cached answers across publications, edits and withdrawals (ADR 0068): an answer no changed article can
 * enter or leave is kept, any other is computed again, and a reader always gets what a search without any cache
 * finds at that moment.
 */
class CarriedAnswersTest {

    private static final List<String> WORDS = List.of("社工站", "志愿服务", "社会工作", "督导", "养老", "儿童", "培训",
            "乡村振兴", "社区", "民政", "鹈鹕岬", "鸬鹚湾", "江苏", "大连市");

    static ThreeProvinceIndex fixture;
    static ContentFixture content;
    static SearchIndex index;
    static LuceneSearchEngine cached;
    static LuceneSearchEngine fresh;
    static long news;
    /** Saves so far: each gets a time of its own, so that no two results tie on score and time. */
    static int saves;

    @BeforeAll
    static void build() throws IOException {
        fixture = new ThreeProvinceIndex("carried-answers");
        content = fixture.content;
        index = fixture.index;
        cached = fixture.engine(load(DataSize.ofMegabytes(8)), new SearchGate(load(DataSize.ofMegabytes(8))));
        fresh = fixture.engine(load(DataSize.ofBytes(0)), new SearchGate(load(DataSize.ofBytes(0))));
        news = content.columns.bySlug("news").orElseThrow().id();
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    private static SearchLoadProperties load(DataSize cache) {
        return new SearchLoadProperties(cache, Duration.ofMinutes(10), 0, 48, Duration.ofSeconds(5),
                Duration.ofSeconds(5), 2000);
    }

    @Test
    void aPublicationKeepsTheAnswersItCannotChangeAndRecomputesTheOthers() {
        SearchResults revival = cached.search(SearchQuery.simple("乡村振兴"));
        SearchResults pelican = cached.search(SearchQuery.simple("鹈鹕滩"));
        assertThat(pelican.total()).isZero();

        Article article = save("cap-1", "鹈鹕滩社工站开始服务", ArticleStatus.LIVE);
        long hits = cached.resultCache().hits();
        assertThat(cached.search(SearchQuery.simple("乡村振兴"))).as("kept: the article does not have the word")
                .isSameAs(revival);
        assertThat(cached.resultCache().hits()).isEqualTo(hits + 1);
        assertThat(ids(cached.search(SearchQuery.simple("鹈鹕滩")))).as("computed again").containsExactly(article.id());

        save("cap-1", "鹈鹕滩社工站开始服务", ArticleStatus.WITHDRAWN);
        assertThat(cached.search(SearchQuery.simple("鹈鹕滩")).total()).isZero();
        assertThat(cached.search(SearchQuery.simple("乡村振兴"))).isSameAs(revival);
    }

    @Test
    void anEditThatTakesAWordOutRecomputesTheAnswersThatFoundIt() {
        Article article = save("cap-2", "鸥鹭洲社工站开始服务", ArticleStatus.LIVE);
        assertThat(ids(cached.search(SearchQuery.simple("鸥鹭洲")))).containsExactly(article.id());
        assertThat(cached.regionCounts(SearchQuery.simple("鸥鹭洲")).byProvince()).hasSize(1);

        save("cap-2", "海湾社工站开始服务", ArticleStatus.LIVE); // the same article, no longer with the word
        assertThat(cached.search(SearchQuery.simple("鸥鹭洲")).total()).isZero();
        assertThat(cached.regionCounts(SearchQuery.simple("鸥鹭洲")).byProvince()).isEmpty();
    }

    /**
     * Random publications, edits and withdrawals, each followed by every question of a list asked of the cached engine
     * and of one without cache: the answers are equal each time, and a good share of them came from the cache.
     */
    @Test
    void afterEveryChangeTheCachedAnswersAreWhatASearchFindsNow() {
        Random random = new Random(68);
        List<SearchQuery> questions = questions(random);
        List<String> alternativesOf = List.of("社工站", "养老服务", "sgz");
        List<String> mine = new ArrayList<>();
        long hitsBefore = cached.resultCache().hits();
        int asked = 0;
        for (int round = 0; round < 60; round++) {
            int op = random.nextInt(10);
            if (op < 5 || mine.isEmpty()) {
                String key = "random-" + round;
                save(key, sentence(random, 2) + "工作推进会", ArticleStatus.LIVE, sentence(random, 6));
                mine.add(key);
            } else if (op < 8) {
                save(mine.get(random.nextInt(mine.size())), sentence(random, 2) + "经验交流", ArticleStatus.LIVE,
                        sentence(random, 6));
            } else {
                String key = mine.remove(random.nextInt(mine.size()));
                save(key, "撤回的稿件", ArticleStatus.WITHDRAWN, "");
            }
            for (SearchQuery question : questions) {
                assertThat(view(cached.search(question))).as("round %d: %s", round, question)
                        .isEqualTo(view(fresh.search(question)));
                assertThat(cached.regionCounts(question)).as("round %d: regions of %s", round, question)
                        .isEqualTo(fresh.regionCounts(question));
                asked += 2;
            }
            for (String text : alternativesOf) {
                assertThat(cached.alternatives(text, 5)).isEqualTo(fresh.alternatives(text, 5));
                asked++;
            }
        }
        long hits = cached.resultCache().hits() - hitsBefore;
        assertThat(hits).as("answers kept across changes (of %d asked)", asked).isGreaterThan(asked / 4);
    }

    private static List<SearchQuery> questions(Random random) {
        List<SearchQuery> questions = new ArrayList<>();
        for (String word : WORDS) {
            questions.add(SearchQuery.simple(word));
        }
        for (int i = 0; i < 8; i++) {
            questions.add(SearchQuery.simple(sentence(random, 2).replace("，", " ")));
        }
        questions.add(SearchQuery.simple("社工占"));
        questions.add(SearchQuery.simple("sgz"));
        questions.add(SearchQuery.reader("社会工作", null, null, null, null, SearchQuery.Sort.NEWEST, 1));
        questions.add(SearchQuery.reader("社会工作", null, null, null, null, SearchQuery.Sort.RELEVANCE, 2));
        questions.add(SearchQuery.reader("社工站", news, null, null, null, SearchQuery.Sort.RELEVANCE, 1));
        return questions;
    }

    private static String sentence(Random random, int words) {
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            chosen.add(WORDS.get(random.nextInt(WORDS.size())));
        }
        return String.join("，", chosen);
    }

    /** What a reader sees of an answer (the index status aside: it counts documents). */
    private static String view(SearchResults results) {
        return results.total() + "/" + results.totalIsLowerBound() + "/" + results.pages() + "/"
                + results.correction() + "\n" + hits(results.hits()) + "\n" + hits(results.partialHits());
    }

    private static String hits(List<SearchHit> hits) {
        return hits.stream().map(h -> h.articleId() + " " + h.titleHtml() + " " + h.snippetHtml() + " " + h.score())
                .collect(Collectors.joining("\n"));
    }

    private static List<Long> ids(SearchResults results) {
        return results.hits().stream().map(SearchHit::articleId).toList();
    }

    private static Article save(String key, String title, ArticleStatus status) {
        return save(key, title, status, title);
    }

    /**
     * Saves the article and brings the index up to date with it, as the outbox consumer would, then waits for the
     * cache.
     */
    private static Article save(String key, String title, ArticleStatus status, String body) {
        long id = content.service.save(new ArticleInput(key, title, null, null, "<p>" + body + "，居民可以就近找到社工。</p>",
                "民政部", null, null, Kind.NEWS, false, List.of(news), List.of(), null,
                ThreeProvinceIndex.NOW.minus(Duration.ofMinutes(97L * ++saves)), status)).id();
        Article article = content.service.find(id).orElseThrow();
        if (article.isLive()) {
            index.upsert(article, true);
        } else {
            index.delete(id);
        }
        index.commitAndRefresh();
        cached.awaitCarried();
        return article;
    }
}
