package org.shegong.search.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The search gate on the management port: per pass ({@code pass=results|regions}) the time a search waited for a
 * place ({@code shegong.search.gate.wait}) and held it ({@code shegong.search.gate.work}), both as histograms so an
 * operator sees the tail, not only the mean; the searches refused; and how many run and wait now. A page's time under
 * load is mostly its two waits: when the wait's p99 nears {@code shegong.search.load.max-wait}, pages are about to be
 * refused (ADR 0090).
 */
final class SearchGateMeters {

    private final Map<SearchGate.Pass, Timer> waits = new EnumMap<>(SearchGate.Pass.class);
    private final Map<SearchGate.Pass, Timer> works = new EnumMap<>(SearchGate.Pass.class);
    private final Map<SearchGate.Pass, Counter> refusals = new EnumMap<>(SearchGate.Pass.class);

    SearchGateMeters(MeterRegistry registry, SearchGate gate) {
        for (SearchGate.Pass pass : SearchGate.Pass.values()) {
            String tag = pass.name().toLowerCase(Locale.ROOT);
            waits.put(pass, timer(registry, "shegong.search.gate.wait", tag,
                    "Time a reader's search waited for a place at the search gate"));
            works.put(pass, timer(registry, "shegong.search.gate.work", tag,
                    "Time a reader's search held its place at the search gate"));
            refusals.put(pass, Counter.builder("shegong.search.gate.refused").tag("pass", tag)
                    .description("Searches refused at the search gate (a 503, or a page without 地区 counts)")
                    .register(registry));
        }
        Gauge.builder("shegong.search.gate.running", gate, SearchGate::running)
                .description("Searches computing now").register(registry);
        Gauge.builder("shegong.search.gate.queued", gate, SearchGate::queued)
                .description("Searches waiting for a place now").register(registry);
    }

    void passed(SearchGate.Pass pass, long waitedNanos, long workedNanos) {
        waits.get(pass).record(waitedNanos, TimeUnit.NANOSECONDS);
        works.get(pass).record(workedNanos, TimeUnit.NANOSECONDS);
    }

    void refused(SearchGate.Pass pass) {
        refusals.get(pass).increment();
    }

    /** Refusals of every pass so far. */
    long refused() {
        return (long) refusals.values().stream().mapToDouble(Counter::count).sum();
    }

    private static Timer timer(MeterRegistry registry, String name, String pass, String description) {
        return Timer.builder(name).tag("pass", pass).description(description).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }
}
