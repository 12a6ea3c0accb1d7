package org.shegong.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.search.index.SearchBackend;
import org.junit.jupiter.api.Test;
import org.shegong.search.SearchHit;
import org.shegong.search.SearchQuery;
import org.shegong.search.SearchResults;
import org.shegong.search.analysis.TextNormaliser;

/**
 * The readers' judged set (issue 14): queries as people type them — questions, abbreviations, traditional
 * characters, pinyin, typos, region words — over the seed page and the 300 shared sample articles. Each query's
 * relevant articles are decided from the title by a rule a reader would apply, independent of the engine; the
 * ranking judged is what the page shows: the full matches, then the partial ones, for the query as typed (a
 * correction the engine applies counts, since the page shows its results).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(SearchBackend.class)
class ReaderQueriesTest {

    private static SearchFixture fixture;

    @Parameter
    SearchBackend backend;

    @BeforeEach
    void index() {
        fixture = SearchFixture.samples(backend);
    }

    record Judged(String kind, String query, Predicate<String> relevantTitle) {
    }

    /** Relevant when the (folded) title has any of the forms. */
    private static Judged any(String kind, String query, String... forms) {
        return new Judged(kind, query, title -> Stream.of(forms).anyMatch(TextNormaliser.normalise(title)::contains));
    }

    /** Relevant when the title has every word, each given as alternatives separated by "|". */
    private static Judged all(String kind, String query, String... words) {
        return new Judged(kind, query, title -> Stream.of(words).allMatch(w -> Stream.of(w.split("\\|"))
                .anyMatch(TextNormaliser.normalise(title)::contains)));
    }

    private static final String[] STATION = {"社工站", "社会工作服务站", "社会工作站"};
    private static final String[] TOWNSHIP_STATION = {"乡镇(街道)社工站", "乡镇社工站", "乡镇(街道)社会工作站",
            "乡镇(办)社工站", "乡镇(街道)社会工作服务站"};
    private static final String[] FLOOD = {"洪灾", "防汛", "抗洪", "水灾"};
    private static final String[] SENIOR = {"高级社会工作师"};
    private static final String[] MINORS = {"未保站", "未成年人保护工作站"};

    static final List<Judged> JUDGED = List.of(
            // Questions: the question words are not in any article.
            all("question", "江苏持证社工目标是多少", "江苏", "持证"),
            all("question", "贵州社工人才有多少", "贵州", "人才"),
            any("question", "怎样申请高级社工师评审", "高级社会工作师评审"),
            any("question", "如何建设乡镇社工站", TOWNSHIP_STATION),
            any("question", "什么是三社联动", "三社联动"),
            any("question", "哪些地方开展了援藏援疆", "援藏援疆", "援疆援藏"),
            all("question", "社会组织怎么参与疫情防控", "社会组织", "疫情防控"),
            any("question", "河南防汛救灾社工做了什么", "防汛救灾"),
            any("question", "高级社会工作师评审结果公示了吗", "评审结果的公示"),
            any("question", "社工站有哪些", STATION),
            any("question", "宁夏报考人数有多少", "报考人数"),
            any("question", "社会工作督导研修班什么时候举办", "督导能力提升研修班"),
            any("question", "未保站是什么", MINORS),
            any("question", "短视频大赛获奖名单是什么", "短视频"),
            // Abbreviations and synonyms.
            any("abbreviation", "社工师", "社会工作师", "社工师"),
            any("abbreviation", "高级社工师", SENIOR),
            any("abbreviation", "未成年人保护工作站", MINORS),
            any("abbreviation", "水灾", FLOOD),
            any("abbreviation", "洪灾", FLOOD),
            any("abbreviation", "防汛", FLOOD),
            any("abbreviation", "短视频大赛", "短视频"),
            any("abbreviation", "社工领军人才", "领军人才"),
            any("abbreviation", "社工督导", "督导"),
            any("abbreviation", "文明实践中心", "新时代文明实践中心"),
            any("abbreviation", "五社联动", "五社联动"),
            any("abbreviation", "双工联动", "双工联动"),
            any("abbreviation", "社会工作站", STATION),
            // Traditional characters.
            any("traditional", "社會工作師", "社会工作师"),
            any("traditional", "鄉鎮社工站", TOWNSHIP_STATION),
            any("traditional", "三社聯動", "三社联动"),
            any("traditional", "防汛救災", "防汛救灾"),
            any("traditional", "未成年人保護工作站", MINORS),
            all("traditional", "遼寧 高級社會工作師", "辽宁", "高级社会工作师"),
            all("traditional", "社會組織 疫情防控", "社会组织", "疫情防控"),
            any("traditional", "心靈家園", "心灵家园"),
            any("traditional", "社會工作一週動態", "社会工作一周动态"),
            any("traditional", "脫貧攻堅", "脱贫攻坚"),
            // Pinyin, typed with the input method off.
            any("pinyin", "shegongzhan", STATION),
            any("pinyin", "sgz", STATION),
            any("pinyin", "sansheliandong", "三社联动"),
            any("pinyin", "gaojishehuigongzuoshi", SENIOR),
            any("pinyin", "weibaozhan", MINORS),
            any("pinyin", "yizhoudongtai", "一周动态"),
            any("pinyin", "liaoning", "辽宁"),
            any("pinyin", "fangxun", FLOOD),
            any("pinyin", "Tuopin Gongjian", "脱贫攻坚"),
            // Typos: homophones and one-character slips.
            any("typo", "社工占", STATION),
            any("typo", "三社连动", "三社联动"),
            any("typo", "社工师評審", "高级社会工作师评审"),
            any("typo", "援藏援将", "援藏援疆", "援疆援藏"),
            any("typo", "脱贫功坚", "脱贫攻坚"),
            any("typo", "乡镇社工战", TOWNSHIP_STATION),
            any("typo", "五社连动", "五社联动"),
            // Region words.
            any("region", "辽宁", "辽宁"),
            all("region", "辽宁 高级社会工作师", "辽宁", "高级社会工作师"),
            all("region", "海南 社工站", "海南", "社工站|社会工作站|社会工作服务站"),
            any("region", "牡丹江", "牡丹江"),
            all("region", "贵州 社会工作", "贵州", "社会工作"),
            all("region", "西藏 双语", "西藏|拉萨", "双语"),
            all("region", "兰州 三社联动", "兰州", "三社联动"),
            any("region", "浑南", "浑南"),
            all("region", "广西 评审结果", "广西", "评审结果"),
            all("region", "山东 社工站", "山东|烟台|济南|德州", "社工站|社会工作站|社会工作服务站"));

    @Test
    void readersQueriesMeetThePrecisionAndReciprocalRankFloors() {
        List<String> corpus = new ArrayList<>();
        fixture.content.articles.forEachLive(500, batch -> batch.forEach(a -> corpus.add(a.title())));
        double precisionSum = 0;
        double reciprocalSum = 0;
        List<String> report = new ArrayList<>();
        for (Judged judged : JUDGED) {
            List<String> titles = shown(judged.query(), 10);
            long available = corpus.stream().filter(judged.relevantTitle()).count();
            assertThat(available).as("%s has relevant articles in the corpus", judged.query()).isPositive();
            long relevant = titles.stream().limit(5).filter(judged.relevantTitle()).count();
            double precision = Math.min(1, (double) relevant / Math.min(5, available));
            int first = 0;
            for (int i = 0; i < titles.size() && first == 0; i++) {
                first = judged.relevantTitle().test(titles.get(i)) ? i + 1 : 0;
            }
            double reciprocal = first == 0 ? 0 : 1.0 / first;
            precisionSum += precision;
            reciprocalSum += reciprocal;
            report.add(String.format(Locale.ROOT, "%-12s %s p@5=%.2f rr=%.2f (%d relevant)", judged.kind(),
                    judged.query(), precision, reciprocal, available));
        }
        double precisionAt5 = precisionSum / JUDGED.size();
        double mrr = reciprocalSum / JUDGED.size();
        System.out.printf(Locale.ROOT, "Readers' judged set: %d queries, precision@5 %.3f, MRR %.3f%n  %s%n",
                JUDGED.size(), precisionAt5, mrr, String.join("\n  ", report));
        assertThat(JUDGED).hasSizeGreaterThanOrEqualTo(60);
        assertThat(precisionAt5).as(String.join("\n", report)).isGreaterThanOrEqualTo(0.8);
        assertThat(mrr).as(String.join("\n", report)).isGreaterThanOrEqualTo(0.9);
    }

    /** The titles the first page shows, full matches first, then partial ones. */
    private static List<String> shown(String query, int limit) {
        SearchResults results = fixture.engine.search(SearchQuery.simple(query));
        return Stream.concat(results.hits().stream(), results.partialHits().stream()).limit(limit)
                .map(SearchHit::articleId)
                .map(id -> fixture.content.articles.findById(id).orElseThrow().title()).toList();
    }
}
