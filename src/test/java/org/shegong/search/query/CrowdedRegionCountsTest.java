package org.shegong.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shegong.search.SearchEngine.RegionCounts;
import org.shegong.search.SearchLoadProperties;
import org.shegong.search.SearchQuery;
import org.springframework.util.unit.DataSize;

/**
 * The 地区 counts while the search gate is crowded (ADR 0091): over the newest {@code crowded-region-limit} matches
 * and marked partial while every core is taken by searches, over all of them (up to 20,000) when it is quiet.
 */
class CrowdedRegionCountsTest {

    /** Small enough for the 200 articles: a common word has many more matches. */
    private static final int CROWDED_LIMIT = 10;

    static ThreeProvinceIndex fixture;
    static SearchGate gate;
    static LuceneSearchEngine gated;
    static LuceneSearchEngine ungated;

    @BeforeAll
    static void build() throws IOException {
        fixture = new ThreeProvinceIndex("crowded-region-counts");
        // Two places on two cores: one taken by the test leaves the other to the counts, and both taken is crowded.
        SearchLoadProperties load = new SearchLoadProperties(DataSize.ofBytes(0), Duration.ofMinutes(10), 2, 48,
                Duration.ofSeconds(5), Duration.ofSeconds(5), CROWDED_LIMIT);
        gate = new SearchGate(load, 2, new SimpleMeterRegistry());
        gated = fixture.engine(load, gate);
        ungated = fixture.ungatedEngine();
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @Test
    void quietTheCountsCoverEveryMatch() {
        SearchQuery query = SearchQuery.simple("社会工作");
        RegionCounts whole = ungated.regionCounts(query);
        assertThat(total(whole)).as("a word in many more articles than the crowded limit").isGreaterThan(CROWDED_LIMIT * 4);

        assertThat(gate.crowded()).isFalse();
        RegionCounts quiet = gated.regionCounts(query);
        assertThat(quiet).isEqualTo(whole);
        assertThat(quiet.capped()).isFalse();
    }

    @Test
    void crowdedTheCountsCoverTheNewestMatchesAndSaySo() {
        SearchQuery query = SearchQuery.simple("社会工作");
        RegionCounts whole = ungated.regionCounts(query);
        try (HeldGatePlace held = HeldGatePlace.take(gate)) { // another reader's search: the counts take the last place
            RegionCounts crowded = gated.regionCounts(query);
            assertThat(crowded.capped()).isTrue();
            assertThat(total(crowded)).isEqualTo(CROWDED_LIMIT);
            assertThat(whole.byProvince().keySet()).containsAll(crowded.byProvince().keySet());
            crowded.byProvince().forEach((province, count) ->
                    assertThat(count).isLessThanOrEqualTo(whole.byProvince().get(province)));
        }
        assertThat(gated.regionCounts(query)).as("quiet again").isEqualTo(whole);
    }

    @Test
    void aWordWithFewerMatchesThanTheLimitIsCountedWholeEvenWhenCrowded() {
        SearchQuery query = SearchQuery.simple("禁毒");
        assertThat(total(ungated.regionCounts(query))).isBetween(1L, CROWDED_LIMIT - 1L);
        try (HeldGatePlace held = HeldGatePlace.take(gate)) {
            RegionCounts crowded = gated.regionCounts(query);
            assertThat(crowded).isEqualTo(ungated.regionCounts(query));
            assertThat(crowded.capped()).isFalse();
        }
    }

    @Test
    void aLimitBelowOneIsRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> new SearchLoadProperties(DataSize.ofMegabytes(1), Duration.ofMinutes(10), 0, 48,
                Duration.ofSeconds(1), Duration.ofSeconds(5), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shegong.search.load.crowded-region-limit 应至少为 1，现为 0");
    }

    private static long total(RegionCounts counts) {
        return counts.byProvince().values().stream().mapToLong(Long::longValue).sum();
    }
}
