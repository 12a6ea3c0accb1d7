package org.shegong.search.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shegong.system.Await.awaitWithin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shegong.search.SearchEngine;
import org.shegong.search.SearchHit;
import org.shegong.search.SearchQuery;
import org.shegong.search.query.HeldGatePlace;
import org.shegong.search.query.SearchGate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Regions in search, on the demo content: a place's name finds what is tagged with it or a place under it, the
 * region filter keeps to a region, and the page counts the matches per province (over the newest matches only while
 * the search gate is crowded, ADR 0091).
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:regionsearch;DB_CLOSE_DELAY=-1",
        // Two places: a reader's search holding one leaves the counts the other, and then every core is taken.
        "shegong.search.load.max-concurrent=2", "shegong.search.load.crowded-region-limit=1"})
@AutoConfigureMockMvc
class RegionSearchTest {

    static final String HUNNAN = "2023年 沈阳浑南区实现社会工作师占比达70%";
    static final String MUDANJIANG = "黑龙江省牡丹江市首个社工站正式运营";
    static final String HAINAN = "海南省首批66个乡镇(街道)社工站已全部运营";

    @Autowired MockMvc mvc;
    @Autowired SearchEngine engine;
    @Autowired SearchGate gate;

    @BeforeEach
    void indexedWithRegions() {
        // The demo import's event re-tags every article, then the index is rebuilt from the tags.
        awaitWithin(90_000, () -> !engine.status().rebuilding()
                && engine.search(SearchQuery.simple("社工站").inRegion("230000")).total() > 0);
    }

    private List<String> titles(SearchQuery query) {
        return engine.search(query).hits().stream().map(SearchHit::titleHtml)
                .map(t -> t.replace("<mark>", "").replace("</mark>", "")).toList();
    }

    private String search(String q, String region) throws Exception {
        var request = get("/search").param("q", q);
        if (region != null) {
            request = request.param("region", region);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aPlaceNameFindsWhatIsTaggedWithItOrAPlaceUnderIt() {
        // Neither 辽宁 nor 东北 is in these items' text: only their tags (浑南区, 牡丹江市) lie under those places.
        assertThat(titles(SearchQuery.simple("辽宁 左邻右舍"))).contains(HUNNAN);
        assertThat(titles(SearchQuery.simple("东北 爱民区"))).contains(MUDANJIANG);
        assertThat(titles(SearchQuery.simple("东北 左邻右舍"))).contains(HUNNAN);
        assertThat(titles(SearchQuery.simple("华南 左邻右舍"))).doesNotContain(HUNNAN);
    }

    @Test
    void theRegionFilterKeepsToTheRegionAndEverythingUnderIt() throws Exception {
        String page = search("社工站", "230000");
        assertThat(page).contains(MUDANJIANG.replace("社工站", "<mark>社工站</mark>"))
                .doesNotContain("海南省首批66个乡镇")
                .contains("<option value=\"230000\" selected>黑龙江省</option>");
        assertThat(titles(SearchQuery.simple("左邻右舍").inRegion("dongbei"))).contains(HUNNAN);
        assertThat(titles(SearchQuery.simple("左邻右舍").inRegion("460000"))).doesNotContain(HUNNAN);
        assertThat(search("左邻右舍", "210112")) // from 浑南区's page
                .contains("<option value=\"210112\" selected>浑南区</option>", "左邻右舍");
    }

    @Test
    void thePageCountsMatchesPerProvinceAndLinksToEach() throws Exception {
        SearchEngine.RegionCounts counts = engine.regionCounts(SearchQuery.simple("社工站").inRegion("230000"));
        assertThat(counts.byProvince()).containsKeys("230000", "460000"); // counted as if unfiltered
        assertThat(counts.capped()).isFalse();
        String page = search("社工站", null);
        assertThat(page).contains("按地区", "不限地区", "region=460000\">海南省</a> <span class=\"count\">"
                + counts.byProvince().get("460000") + "</span>").doesNotContain("统计最新的部分结果");
    }

    @Test
    void whileEveryCoreIsTakenTheCountsAreOfTheNewestMatchesAndThePageSaysSo() throws Exception {
        // A question no other test asks: its counts are not cached.
        String facets = facetsWhileAnotherSearchHoldsAPlace("社会工作");
        assertThat(facets).contains("按地区<span class=\"count\">（统计最新的部分结果）</span>")
                .containsOnlyOnce("</a> <span class=\"count\">1</span>")
                .doesNotContainPattern("</a> <span class=\"count\">([02-9]|1[0-9])");
    }

    /** The search page's 地区 block for q, fetched while another reader's search holds a place at the gate. */
    String facetsWhileAnotherSearchHoldsAPlace(String q) throws Exception {
        try (HeldGatePlace held = HeldGatePlace.take(gate)) {
            String page = search(q, null);
            int start = page.indexOf("class=\"search-facets\"");
            assertThat(start).as("the page has its 地区 counts").isPositive();
            return page.substring(start, page.indexOf("</nav>", start));
        }
    }

    @Test
    void anUnknownRegionIsRefusedInChinese() throws Exception {
        String page = mvc.perform(get("/search?q=x&region=999999")).andExpect(status().isBadRequest()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("没有这个地区");
        mvc.perform(get("/search?q=x&region=000000")).andExpect(status().isBadRequest());
    }
}
