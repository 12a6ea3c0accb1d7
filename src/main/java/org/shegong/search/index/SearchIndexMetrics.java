package org.shegong.search.index;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.shegong.search.IndexStatus;
import org.shegong.search.SearchEngine;
import org.shegong.system.outbox.OutboxLag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The search index for the metrics: how far it lags behind the database ({@code shegong.search.index.lag} seconds
 * and {@code shegong.search.index.behind} events: its outbox consumer's lag), its size
 * ({@code shegong.search.index.documents}) and whether a rebuild runs ({@code shegong.search.index.rebuilding},
 * with {@code shegong.search.index.rebuild.progress} from 0 to 1), and on the embedded index how its kept filters
 * are used ({@code shegong.search.filter.cache.*}: lookups by result, sets built and evicted, what is kept): sets
 * evicted and built again and again mean the cache churns, each build a pass over a filter's every match (builds
 * alone are normal: a new segment, a new date range). Every value is read when scraped.
 */
@Component
@Profile("!cli")
class SearchIndexMetrics {

    /** Held here: meters keep only a weak reference to what they read, and the provider is no bean of its own. */
    private final ObjectProvider<SearchIndex> lucene;

    SearchIndexMetrics(SearchEngine engine, OutboxLag lag, ObjectProvider<SearchIndex> lucene, MeterRegistry meters) {
        this.lucene = lucene;
        String consumer = SearchIndexer.NAME;
        Gauge.builder("shegong.search.index.lag", lag,
                        l -> l.ofConsumer(consumer).map(OutboxLag.Lag::seconds).orElse(Double.NaN))
                .baseUnit("seconds").description("Age of the oldest change not yet in the search index")
                .register(meters);
        Gauge.builder("shegong.search.index.behind", lag,
                        l -> l.ofConsumer(consumer).map(x -> (double) x.events()).orElse(Double.NaN))
                .baseUnit("events").description("Outbox events not yet applied to the search index").register(meters);
        gauge(meters, engine, "shegong.search.index.documents", "Documents in the search index",
                status -> status.documents());
        gauge(meters, engine, "shegong.search.index.rebuilding", "1 while the search index is being rebuilt",
                status -> status.rebuilding() ? 1 : 0);
        gauge(meters, engine, "shegong.search.index.rebuild.progress", "Share of the running rebuild done (0 to 1)",
                status -> status.rebuilding() ? status.percent() / 100.0 : 1);
        counter(lucene, "lookups", FilterCacheStats::hits, "Kept-filter lookups that found a kept set")
                .tag("result", "hit").register(meters);
        counter(lucene, "lookups", FilterCacheStats::misses, "Kept-filter lookups that found none")
                .tag("result", "miss").register(meters);
        counter(lucene, "built", FilterCacheStats::built,
                "Filter sets built, each a pass over the filter's matches in one segment").register(meters);
        counter(lucene, "evicted", FilterCacheStats::evicted, "Filter sets dropped to make room")
                .register(meters);
        Gauge.builder("shegong.search.filter.cache.kept", lucene, index -> filters(index, FilterCacheStats::kept))
                .description("Filter sets kept now").register(meters);
        Gauge.builder("shegong.search.filter.cache.size", lucene, index -> filters(index, FilterCacheStats::bytes))
                .baseUnit("bytes").description("Memory held by the kept filter sets").register(meters);
    }

    private static FunctionCounter.Builder<ObjectProvider<SearchIndex>> counter(
            ObjectProvider<SearchIndex> lucene, String name, ToLongFunction<FilterCacheStats> value,
            String description) {
        return FunctionCounter.builder("shegong.search.filter.cache." + name, lucene, index -> filters(index, value))
                .description(description);
    }

    /** NaN when the index is on OpenSearch (no embedded index, no kept filters). */
    private static double filters(ObjectProvider<SearchIndex> lucene, ToLongFunction<FilterCacheStats> value) {
        SearchIndex index = lucene.getIfAvailable();
        return index == null ? Double.NaN : value.applyAsLong(index.filterCache());
    }

    private static void gauge(MeterRegistry meters, SearchEngine engine, String name, String description,
                              ToDoubleFunction<IndexStatus> value) {
        Gauge.builder(name, engine, e -> {
            try {
                return value.applyAsDouble(e.status());
            } catch (RuntimeException unavailable) {
                return Double.NaN; // the health check reports why
            }
        }).description(description).register(meters);
    }
}
