package org.shegong.site.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * A page the cache answers is timed under the very meter Spring's observation gives a rendered page of the same
 * route and status: one series, not two that differ by a tag (Prometheus would refuse the second).
 */
class HitTimersTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void aHitCountsUnderTheRenderedPagesTimer() throws Exception {
        observeRendered("GET", "/article/42", "/article/{id}", HttpServletResponse.SC_OK);
        timers().record(hit("GET", "/article/42"), response(200), "/article/{id}", 1_000_000);

        List<Meter> timers = List.copyOf(meters.find("http.server.requests").meters());
        assertThat(timers).hasSize(1);
        assertThat(((Timer) timers.get(0)).count()).isEqualTo(2);
    }

    @Test
    void aNotModifiedHitAndAHeadHitCountUnderTheirOwnStatusAndMethod() throws Exception {
        observeRendered("GET", "/column/news", "/column/{slug}", HttpServletResponse.SC_NOT_MODIFIED);
        observeRendered("HEAD", "/", "/", HttpServletResponse.SC_OK);
        HitTimers hits = timers();
        hits.record(hit("GET", "/column/news"), response(304), "/column/{slug}", 1_000);
        hits.record(hit("HEAD", "/"), response(200), "/", 1_000);

        assertThat(meters.find("http.server.requests").meters()).hasSize(2)
                .allSatisfy(timer -> assertThat(((Timer) timer).count()).isEqualTo(2));
        assertThat(meters.get("http.server.requests").tag("status", "304").timer().getId().getTag("outcome"))
                .isEqualTo("REDIRECTION");
    }

    @Test
    void theTimerIsLookedUpOncePerRouteAndStatus() {
        HitTimers hits = timers();
        for (int i = 0; i < 5; i++) {
            hits.record(hit("GET", "/article/" + i), response(200), "/article/{id}", 2_000_000);
        }
        Timer timer = meters.get("http.server.requests").tag("uri", "/article/{id}").timer();
        assertThat(timer.count()).isEqualTo(5);
        assertThat(timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(10.0);
    }

    private HitTimers timers() {
        return new HitTimers(meters, new DefaultServerRequestObservationConvention("http.server.requests"));
    }

    private static MockHttpServletRequest hit(String method, String path) {
        return new MockHttpServletRequest(method, path);
    }

    private static MockHttpServletResponse response(int status) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setStatus(status);
        return response;
    }

    /** A request through Spring's real observation filter, whose handler names its route as Spring MVC would. */
    private void observeRendered(String method, String path, String route, int status) throws Exception {
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new ServerHttpObservationFilter(observations).doFilter(request, response, (req, res) -> {
            ServerHttpObservationFilter.findObservationContext(request)
                    .ifPresent(context -> context.setPathPattern(route));
            ((HttpServletResponse) res).setStatus(status);
        });
    }
}
