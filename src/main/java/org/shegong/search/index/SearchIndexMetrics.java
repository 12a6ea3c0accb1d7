package org.shegong.search.index;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;
import org.shegong.search.IndexStatus;
import org.shegong.search.SearchEngine;
import org.shegong.system.outbox.OutboxLag;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The search index for the metrics: how far it lags behind the database ({@code shegong.search.index.lag} seconds
 * and {@code shegong.search.index.behind} events: its outbox consumer's lag), its size
 * ({@code shegong.search.index.documents}) and whether a rebuild runs ({@code shegong.search.index.rebuilding},
 * with {@code shegong.search.index.rebuild.progress} from 0 to 1). Every value is read when scraped.
 */
@Component
@Profile("!cli")
class SearchIndexMetrics {

    SearchIndexMetrics(SearchEngine engine, OutboxLag lag, MeterRegistry meters) {
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
