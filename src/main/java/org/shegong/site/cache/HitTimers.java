package org.shegong.site.cache;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.http.server.observation.ServerRequestObservationConvention;

/**
 * Times the pages the cache answers, under the request timer Spring's observation keeps for rendered pages, so that a
 * dashboard counts a hit under its route like any other response. The page cache sits ahead of the observation
 * filter because observing a hit cost more than answering it (FilterOrder). A timer's name and tags come from the
 * observation's own convention, asked once per method, status and route (a handful of timers), not per request.
 */
final class HitTimers {

    private final MeterRegistry registry;
    private final ServerRequestObservationConvention convention;
    private final ConcurrentMap<Key, Timer> timers = new ConcurrentHashMap<>();

    HitTimers(MeterRegistry registry, ServerRequestObservationConvention convention) {
        this.registry = registry;
        this.convention = convention;
    }

    void record(HttpServletRequest request, HttpServletResponse response, String route, long nanos) {
        Key key = new Key(request.getMethod(), response.getStatus(), route);
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = timers.computeIfAbsent(key, k -> timer(request, response, route));
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The convention's low-cardinality tags plus the "error" one Micrometer's DefaultMeterObservationHandler adds. */
    private Timer timer(HttpServletRequest request, HttpServletResponse response, String route) {
        ServerRequestObservationContext context = new ServerRequestObservationContext(request, response);
        context.setPathPattern(route);
        List<Tag> tags = new ArrayList<>();
        for (KeyValue keyValue : convention.getLowCardinalityKeyValues(context)) {
            tags.add(Tag.of(keyValue.getKey(), keyValue.getValue()));
        }
        tags.add(Tag.of("error", "none"));
        return Timer.builder(convention.getName()).tags(tags).register(registry);
    }

    private record Key(String method, int status, String route) {
    }
}
