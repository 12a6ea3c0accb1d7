package org.shegong.search.query;

import org.shegong.search.SearchEngine;
import org.shegong.search.SearchHit;
import org.shegong.search.SearchQuery;
import org.shegong.search.SearchResults;
import org.shegong.search.analysis.TextNormaliser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.search.index.SearchBackend;
import org.junit.jupiter.api.Test;
import org.shegong.content.Article;
import org.shegong.content.Kind;

/**
 * The judged set: queries over the seed page and 200 generated articles, each with a judgement of which
 * articles are relevant (decided from the article's title by a rule a reader would apply, independent of the
 * engine), measured as precision@5 and mean reciprocal rank, with floors.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(SearchBackend.class)
class SearchRelevanceTest {

    static SearchFixture fixture;

    @Parameter
    SearchBackend backend;

    @BeforeEach
    void index() {
        fixture = SearchFixture.shared(backend);
    }

    /** A query and what makes a result relevant to it (judged on the title, where readers judge). */
    record Judged(String query, Predicate<String> relevantTitle) {
    }

    static Judged titleHas(String query, String... forms) {
        return new Judged(query, title -> {
            String t = TextNormaliser.normalise(title);
            for (String form : forms) {
                if (t.contains(form)) {
                    return true;
                }
            }
            return false;
        });
    }

    static Judged titleHasAll(String query, String... words) {
        return new Judged(query, title -> {
            for (String word : words) {
                if (!title.contains(word)) {
                    return false;
                }
            }
            return true;
        });
    }

    static final List<Judged> JUDGED = List.of(
            titleHas("社工站", "社工站", "社会工作服务站", "社会工作站"),
            titleHas("社会工作服务站", "社工站", "社会工作服务站", "社会工作站"),
            titleHas("高级社会工作师", "高级社会工作师"),
            titleHas("高级社会工作师评审", "高级社会工作师评审"),
            titleHas("评审结果的公示", "评审结果的公示"),
            titleHas("三社联动", "三社联动"),
            titleHas("乡镇(街道)社工站", "乡镇(街道)社工站", "乡镇社工站"),
            titleHas("乡镇社工站", "乡镇(街道)社工站", "乡镇社工站"),
            titleHas("社工人才", "社工人才", "社会工作人才", "社会工作专业人才"),
            titleHas("社会工作人才", "社工人才", "社会工作人才", "社会工作专业人才"),
            titleHas("一周动态", "一周动态"),
            titleHas("社会工作一周动态", "社会工作一周动态"),
            titleHas("一图读懂", "一图读懂"),
            titleHas("社会组织信用信息", "社会组织信用信息"),
            titleHas("抗洪纪实", "抗洪纪实"),
            titleHas("新时代文明实践中心", "新时代文明实践中心"),
            titleHas("援藏援疆", "援藏援疆"),
            titleHas("脱贫攻坚", "脱贫攻坚"),
            titleHas("社会工作督导", "社会工作督导"),
            titleHas("双语", "双语"),
            titleHas("社会工作服务品牌", "社会工作服务品牌"),
            titleHas("心灵家园", "心灵家园"),
            titleHas("牡丹江", "牡丹江"),
            titleHas("浑南区", "浑南"),
            titleHas("社工学校", "社工学校"),
            titleHas("政校合作", "政校"),
            titleHas("社會工作服務站", "社工站", "社会工作服务站", "社会工作站"),
            titleHas("高級社會工作師", "高级社会工作师"),
            titleHasAll("海南 社工站", "海南", "社工站"),
            titleHasAll("宁夏 高级社会工作师", "宁夏", "高级社会工作师"),
            titleHasAll("辽宁 社会工作", "辽宁", "社会工作"),
            titleHas("揭牌仪式", "揭牌仪式"),
            titleHas("社会力量", "社会力量"),
            titleHas("未保站", "未保站", "未成年人保护工作站"));

    @Test
    void judgedQueriesMeetThePrecisionAndReciprocalRankFloors() {
        double precisionSum = 0;
        double reciprocalSum = 0;
        List<String> report = new ArrayList<>();
        for (Judged judged : JUDGED) {
            List<String> titles = titles(SearchQuery.simple(judged.query()), 10);
            long relevant = titles.stream().limit(5).filter(judged.relevantTitle()).count();
            long available = fixtureTitles().stream().filter(judged.relevantTitle()).count();
            double precision = (double) relevant / Math.min(5, Math.max(1, available));
            int firstRelevant = 0;
            for (int i = 0; i < titles.size(); i++) {
                if (judged.relevantTitle().test(titles.get(i))) {
                    firstRelevant = i + 1;
                    break;
                }
            }
            double reciprocal = firstRelevant == 0 ? 0 : 1.0 / firstRelevant;
            precisionSum += Math.min(1, precision);
            reciprocalSum += reciprocal;
            report.add(String.format(Locale.ROOT, "%s p@5=%.2f rr=%.2f (%d relevant in corpus)", judged.query(),
                    precision, reciprocal, available));
        }
        double precisionAt5 = precisionSum / JUDGED.size();
        double mrr = reciprocalSum / JUDGED.size();
        System.out.printf(Locale.ROOT, "Judged set: %d queries, precision@5 %.3f, MRR %.3f%n  %s%n", JUDGED.size(),
                precisionAt5, mrr, String.join("\n  ", report));
        assertThat(JUDGED).hasSizeGreaterThanOrEqualTo(30);
        assertThat(precisionAt5).as(String.join("\n", report)).isGreaterThanOrEqualTo(0.9);
        assertThat(mrr).as(String.join("\n", report)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void everyJudgedQueryHasRelevantArticlesInTheCorpus() {
        for (Judged judged : JUDGED) {
            assertThat(fixtureTitles().stream().anyMatch(judged.relevantTitle())).as(judged.query()).isTrue();
        }
    }

    @Test
    void scatteredCharactersAreNotAHitAndItemsWithTheWordRankAboveThoseWithOnlySocialWork() {
        long scattered = publish("scattered-1", "社区居民在工地旁的车站等车", "<p>社区的居民在工地旁的车站等车，工人们说站台很新。</p>");
        long onlySocialWork = publish("social-work-1", "社会工作推动社区发展", "<p>社会工作推动社区发展。</p>");
        SearchResults results = fixture.engine.search(SearchQuery.reader("社工站", null, null, null, null,
                SearchQuery.Sort.RELEVANCE, 1));
        List<Long> ids = allIds("社工站");
        assertThat(ids).doesNotContain(scattered);
        long lastWithWord = 0;
        for (long id : ids) {
            Article article = fixture.content.articles.findById(id).orElseThrow();
            String text = TextNormaliser.normalise(article.title() + article.listSummary() + article.bodyHtml());
            if (text.contains("社工站") || text.contains("社会工作服务站") || text.contains("社会工作站")) {
                lastWithWord = ids.indexOf(id);
            } else {
                throw new AssertionError("a hit without 社工站 or its synonyms: " + article.title());
            }
        }
        assertThat(ids.indexOf(onlySocialWork)).isEqualTo(-1);
        assertThat(results.total()).isGreaterThan(20);
        assertThat(lastWithWord).isGreaterThanOrEqualTo(0);
    }

    @Test
    void everyArticleContainingTheWordIsFound() {
        List<Long> ids = allIds("社工站");
        List<Long> expected = new ArrayList<>();
        fixture.content.articles.forEachLive(500, batch -> batch.forEach(a -> {
            String text = TextNormaliser.normalise(a.title() + " " + a.listSummary() + " "
                    + org.shegong.content.BodyHtml.plainText(a.bodyHtml()));
            if (text.contains("社工站")) {
                expected.add(a.id());
            }
        }));
        assertThat(ids).containsAll(expected);
    }

    @Test
    void titleMatchesOutrankBodyOnlyMatches() {
        List<String> titles = titles(SearchQuery.simple("三社联动"), 5);
        assertThat(titles).allMatch(t -> t.contains("三社联动"));
    }

    @Test
    void synonymsAndTraditionalCharactersFindSimplifiedText() {
        assertThat(fixture.engine.search(SearchQuery.simple("民政廳")).total()).isGreaterThan(0);
        assertThat(allIds("未成年人保护工作站")).containsAll(allIds("未保站"));
        assertThat(fixture.engine.search(SearchQuery.simple("社會工作")).total())
                .isEqualTo(fixture.engine.search(SearchQuery.simple("社会工作")).total());
    }

    @Test
    void filtersByColumnKindAndDateAndSortsNewestFirst() {
        long notices = fixture.content.column("notices").id();
        SearchResults inColumn = fixture.engine.search(SearchQuery.reader("高级社会工作师", notices, Kind.NOTICE,
                null, null, SearchQuery.Sort.RELEVANCE, 1));
        assertThat(inColumn.hits()).isNotEmpty().allMatch(h -> h.kind() == Kind.NOTICE);
        SearchResults dated = fixture.engine.search(SearchQuery.reader("社会工作", null, null,
                LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31), SearchQuery.Sort.NEWEST, 1));
        assertThat(dated.hits()).isNotEmpty().allMatch(h -> h.publishedAt().toString().startsWith("2020")
                || h.publishedAt().toString().startsWith("2021-01-01") || h.publishedAt().toString().startsWith("2019-12-31"));
        for (int i = 1; i < dated.hits().size(); i++) {
            assertThat(dated.hits().get(i).publishedAt()).isBeforeOrEqualTo(dated.hits().get(i - 1).publishedAt());
        }
    }

    @Test
    void highlightsMarkTheMatchAndEscapeEverythingElse() {
        SearchHit hit = fixture.engine.search(SearchQuery.simple("高级社会工作师")).hits().get(0);
        assertThat(hit.titleHtml()).contains("<mark>高级社会工作师</mark>");
        assertThat(hit.snippetHtml().replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">");
        Highlighter highlighter = Highlighter.of(List.of("社工站"));
        assertThat(highlighter.highlight("<script>社工站</script>&"))
                .isEqualTo("&lt;script&gt;<mark>社工站</mark>&lt;/script&gt;&amp;");
    }

    @Test
    void pagesAreTwentyAndDistinct() {
        SearchResults first = fixture.engine.search(SearchQuery.reader("社会工作", null, null, null, null,
                SearchQuery.Sort.RELEVANCE, 1));
        SearchResults second = fixture.engine.search(SearchQuery.reader("社会工作", null, null, null, null,
                SearchQuery.Sort.RELEVANCE, 2));
        assertThat(first.hits()).hasSize(20);
        assertThat(first.pages()).isGreaterThan(1);
        assertThat(second.hits()).extracting(SearchHit::articleId)
                .doesNotContainAnyElementsOf(first.hits().stream().map(SearchHit::articleId).toList());
    }

    @Test
    void anyInputIsSafe() {
        List<String> inputs = List.of("", "   ", "!!!。。。，，", "社工站 AND (a OR b) \"x\" ~2 * ? : \\ / [ ] { } ^ + -",
                "😀🎉", "😀社工站", "社".repeat(10_000), "2021年", "10万", "70%", "COVID-19", "\u0000\u001f社工",
                "a".repeat(200), "社工站".repeat(40), "\uD800", "<script>alert(1)</script>");
        for (String input : inputs) {
            SearchResults results = fixture.engine.search(SearchQuery.simple(input));
            assertThat(results.query().codePointCount(0, results.query().length())).isLessThanOrEqualTo(100);
            fixture.engine.suggest(input, 8);
            fixture.engine.alternatives(input, 6);
        }
        assertThat(fixture.engine.search(SearchQuery.simple("2021年")).total()).isGreaterThan(0);
        assertThat(fixture.engine.search(SearchQuery.simple("😀社工站")).total())
                .isEqualTo(fixture.engine.search(SearchQuery.simple("社工站")).total());
        assertThat(fixture.engine.search(SearchQuery.simple("70%")).total()).isGreaterThan(0);
        assertThat(fixture.engine.search(SearchQuery.simple("")).hits()).isEmpty();
    }

    @Test
    void nothingFoundSuggestsWordsThatExist() {
        assertThat(fixture.engine.search(SearchQuery.simple("三社连动")).correction())
                .isEqualTo(new SearchResults.Correction("三社联动", true, false));
        assertThat(fixture.engine.alternatives("三社连动", 6)).contains("三社联动");
    }

    @Test
    void suggestsSectorTermsAndTitles() {
        List<SearchEngine.Suggestion> suggestions = fixture.engine.suggest("高级", 8);
        assertThat(suggestions).extracting(SearchEngine.Suggestion::text).contains("高级社会工作师");
        assertThat(suggestions).anyMatch(s -> s.type().equals("title") && s.text().contains("高级"));
    }

    /** Adds a live article to the database and the index, with exactly the given text. */
    private static long publish(String externalId, String title, String body) {
        long news = fixture.content.column("news").id();
        org.shegong.content.ArticleInput input = new org.shegong.content.ArticleInput(externalId, title, null, null,
                body, null, null, null, Kind.NEWS, false, List.of(news), List.of(), null,
                java.time.Instant.parse("2026-10-31T00:00:00Z"), org.shegong.content.ArticleStatus.LIVE);
        long id = fixture.content.db.transactions().execute(s -> fixture.content.service.save(input)).id();
        fixture.index.upsert(fixture.content.articles.findById(id).orElseThrow());
        fixture.index.commitAndRefresh();
        return id;
    }

    private static List<Long> allIds(String query) {
        List<Long> ids = new ArrayList<>();
        for (int page = 1; page <= 50; page++) {
            SearchResults results = fixture.engine.search(SearchQuery.reader(query, null, null, null, null,
                    SearchQuery.Sort.RELEVANCE, page));
            results.hits().forEach(h -> ids.add(h.articleId()));
            if (page >= results.pages()) {
                break;
            }
        }
        return ids;
    }

    private static List<String> titles(SearchQuery query, int limit) {
        return fixture.engine.search(query).hits().stream().limit(limit)
                .map(h -> fixture.content.articles.findById(h.articleId()).orElseThrow().title()).toList();
    }

    private static List<String> fixtureTitles() {
        List<String> titles = new ArrayList<>();
        fixture.content.articles.forEachLive(500, batch -> batch.forEach(a -> titles.add(a.title())));
        return titles;
    }
}
