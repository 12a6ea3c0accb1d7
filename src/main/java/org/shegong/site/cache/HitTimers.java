package org.shegong.site.cache;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Times the pages the cache answers, under the request timer Spring's observation keeps for rendered pages (same
 * name, same tags), so that a dashboard counts a hit under its route like any other response. The page cache sits
 * ahead of the observation filter because observing a hit cost more than answering it (FilterOrder). The timers are
 * kept by route and status: a handful of them, looked up without building a meter id per request.
 */
final class HitTimers {

    private final MeterRegistry registry;
    private final String name;
    private final ConcurrentMap<Key, Timer> timers = new ConcurrentHashMap<>();

    HitTimers(MeterRegistry registry, String name) {
        this.registry = registry;
        this.name = name;
    }

    void record(String method, int status, String route, long nanos) {
        timers.computeIfAbsent(new Key(method, status, route), this::timer).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The tags of DefaultServerRequestObservationConvention plus the "error" one DefaultMeterObservationHandler adds. */
    private Timer timer(Key key) {
        return Timer.builder(name)
                .tags(Tags.of("error", "none", "exception", "none", "method", key.method(),
                        "outcome", outcome(key.status()), "status", Integer.toString(key.status()), "uri", key.route()))
                .register(registry);
    }

    /** A cache hit is a 200 or a 304; the rest as Spring's HttpOutcome names them. */
    static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }

    private record Key(String method, int status, String route) {
    }
}
