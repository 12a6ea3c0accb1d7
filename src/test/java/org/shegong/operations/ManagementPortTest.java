package org.shegong.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.shegong.editorial.workflow.ScheduledPublishing;
import org.shegong.system.Await;
import org.shegong.system.outbox.OutboxRelay;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Actuator lives on the management port only, answers there without a login, bound to loopback by default; its
 * Prometheus page has the request, page cache, outbox, search index and job metrics; every response carries its
 * request id.
 */
@OperationsSite
class ManagementPortTest {

    @LocalServerPort int port;
    @LocalManagementPort int managementPort;
    @Autowired ScheduledPublishing scheduledPublishing;
    @Autowired OutboxRelay relay;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired List<FilterRegistrationBean<?>> filters;
    @Autowired org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping handlerMapping;

    private String management(String path) {
        HttpResponse<String> response = new Reader(managementPort).get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    @Test
    void nothingOfActuatorIsOnThePublicPort() {
        assertThat(managementPort).isNotEqualTo(port);
        for (String path : List.of("/actuator", "/actuator/health", "/actuator/health/readiness", "/actuator/prometheus",
                "/actuator/env", "/actuator/heapdump")) {
            HttpResponse<String> response = new Reader(port).get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).contains("页面不存在").doesNotContain("\"status\"");
        }
    }

    @Test
    void livenessAndReadinessAnswerOnTheManagementPortWithoutALogin() {
        assertThat(management("/actuator/health/liveness")).contains("\"status\":\"UP\"");
        String readiness = management("/actuator/health/readiness");
        assertThat(readiness).contains("\"status\":\"UP\"", "\"db\":{", "\"searchIndex\":{", "\"documents\":");
        assertThat(management("/actuator/health")).contains("\"status\":\"UP\"");
        assertThat(new Reader(managementPort).get("/actuator/env").statusCode()).as("only health and prometheus")
                .isEqualTo(404);
    }

    @Test
    void prometheusHasRequestRatesCacheHitsOutboxAndIndexLagAndJobRuns() {
        org.shegong.system.outbox.OutboxFollowed.await(jdbc, null); // no eviction between the two requests
        Reader reader = new Reader(port);
        reader.page("/");
        reader.page("/"); // kept from its second request
        reader.page("/");
        reader.page("/column/news");
        reader.page("/search?q=%E7%A4%BE%E5%B7%A5%E7%AB%99"); // 社工站 through the search gate (no articles here)
        assertThat(reader.get("/").headers().firstValue("X-Cache")).contains("HIT");
        scheduledPublishing.runOnce();
        relay.drain();
        Await.awaitWithin(10_000, () -> value(management("/actuator/prometheus"),
                "tasks_scheduled_execution_seconds_count", "code_function=\"poll\"").orElse(0.0) >= 1);
        String metrics = management("/actuator/prometheus");

        assertThat(value(metrics, "http_server_requests_seconds_count", "uri=\"/\"", "status=\"200\""))
                .as("pages from the page cache are counted under their route").hasValueSatisfying(n -> assertThat(n).isGreaterThanOrEqualTo(3));
        assertThat(value(metrics, "http_server_requests_seconds_count", "uri=\"/column/{slug}\"")).isPresent();
        assertThat(metrics).as("no long-task timer per request: it cost 8 % of a page-cache hit")
                .doesNotContain("http_server_requests_active");
        assertThat(value(metrics, "cache_gets_total", "cache=\"page\"", "result=\"hit\"")).hasValueSatisfying(
                n -> assertThat(n).isGreaterThanOrEqualTo(2));
        assertThat(value(metrics, "cache_gets_total", "cache=\"page\"", "result=\"miss\"")).hasValueSatisfying(
                n -> assertThat(n).isGreaterThanOrEqualTo(2));
        assertThat(value(metrics, "shegong_page_cache_deferred_total")).as("pages rendered once and not kept")
                .hasValueSatisfying(n -> assertThat(n).isGreaterThanOrEqualTo(2));
        for (String consumer : List.of("search-index", "page-cache", "column-listing")) {
            assertThat(value(metrics, "shegong_outbox_behind_events", "consumer=\"" + consumer + "\"")).as(consumer)
                    .hasValueSatisfying(n -> assertThat(n).isBetween(0.0, 1e6));
            assertThat(value(metrics, "shegong_outbox_lag_seconds", "consumer=\"" + consumer + "\"")).as(consumer)
                    .hasValueSatisfying(n -> assertThat(n).isBetween(0.0, 3600.0));
        }
        assertThat(value(metrics, "shegong_search_index_lag_seconds")).hasValueSatisfying(n -> assertThat(n).isBetween(0.0, 3600.0));
        assertThat(value(metrics, "shegong_search_index_behind_events")).hasValueSatisfying(n -> assertThat(n).isBetween(0.0, 1e6));
        assertThat(value(metrics, "shegong_search_index_documents")).hasValueSatisfying(n -> assertThat(n).isGreaterThanOrEqualTo(0));
        assertThat(value(metrics, "shegong_search_index_rebuilding")).hasValueSatisfying(n -> assertThat(n).isIn(0.0, 1.0));
        // Each pass's wait and work as histograms (an empty site has no 地区 counts to take: that pass is only listed).
        for (String pass : List.of("results", "regions")) {
            int least = pass.equals("results") ? 1 : 0;
            String tag = "pass=\"" + pass + "\"";
            for (String timer : List.of("shegong_search_gate_wait_seconds", "shegong_search_gate_work_seconds")) {
                assertThat(value(metrics, timer + "_count", tag)).as(timer + " " + pass)
                        .hasValueSatisfying(n -> assertThat(n).isGreaterThanOrEqualTo(least));
                assertThat(value(metrics, timer + "_bucket", tag, "le=\"0.001048576\"")).as(timer + " " + pass)
                        .isPresent();
            }
            assertThat(value(metrics, "shegong_search_gate_refused_total", tag)).as(pass)
                    .hasValueSatisfying(n -> assertThat(n).isZero());
        }
        assertThat(value(metrics, "shegong_search_gate_queued")).hasValueSatisfying(n -> assertThat(n).isZero());
        assertThat(value(metrics, "shegong_search_gate_running")).hasValueSatisfying(n -> assertThat(n).isZero());
        for (String result : List.of("hit", "miss")) {
            assertThat(value(metrics, "shegong_search_filter_cache_lookups_total", "result=\"" + result + "\""))
                    .as(result).hasValueSatisfying(n -> assertThat(n).isGreaterThanOrEqualTo(0));
        }
        for (String kept : List.of("shegong_search_filter_cache_built_total", "shegong_search_filter_cache_evicted_total",
                "shegong_search_filter_cache_kept", "shegong_search_filter_cache_size_bytes")) {
            assertThat(value(metrics, kept)).as(kept).hasValueSatisfying(n -> assertThat(n).isGreaterThanOrEqualTo(0));
        }
        assertThat(value(metrics, "shegong_jobs_runs_total", "job=\"scheduled-publishing\"", "outcome=\"success\""))
                .hasValueSatisfying(n -> assertThat(n).isGreaterThanOrEqualTo(1));
        assertThat(value(metrics, "shegong_jobs_duration_seconds_count", "job=\"scheduled-publishing\"",
                "outcome=\"success\"")).hasValueSatisfying(n -> assertThat(n).isGreaterThanOrEqualTo(1));
        assertThat(value(metrics, "tasks_scheduled_execution_seconds_count", "code_function=\"poll\"",
                "outcome=\"SUCCESS\"")).hasValueSatisfying(n -> assertThat(n).isGreaterThanOrEqualTo(1));
    }

    /**
     * The page cache answers ahead of the request observation and times its hits itself: they, a 304 from the cache
     * and a 400 for a query that is not UTF-8 must all still reach the request timer, under their route and status.
     */
    @Test
    void pagesFromTheCacheAndRefusedRequestsAreTimedLikeRenderedPages() {
        assertThat(order("PageCacheFilter")).as("a hit skips the observation")
                .isLessThan(order(ServerHttpObservationFilter.class));

        org.shegong.system.outbox.OutboxFollowed.await(jdbc, null); // no eviction between the requests
        Reader reader = new Reader(port);
        reader.page("/column/notices");
        reader.page("/column/notices"); // kept from its second request
        HttpResponse<String> hit = reader.get("/column/notices");
        assertThat(hit.headers().firstValue("X-Cache")).contains("HIT");
        String etag = hit.headers().firstValue("ETag").orElseThrow();
        assertThat(new Reader(port, "If-None-Match", etag).get("/column/notices").statusCode()).isEqualTo(304);
        assertThat(reader.get("/search?q=%FF%FE").statusCode()).isEqualTo(400);

        String metrics = management("/actuator/prometheus");
        assertThat(value(metrics, "http_server_requests_seconds_count", "uri=\"/column/{slug}\"", "status=\"304\"",
                "outcome=\"REDIRECTION\"", "method=\"GET\"")).hasValueSatisfying(n -> assertThat(n).isGreaterThanOrEqualTo(1));
        assertThat(value(metrics, "http_server_requests_seconds_count", "uri=\"/column/{slug}\"", "status=\"200\""))
                .hasValueSatisfying(n -> assertThat(n).isGreaterThanOrEqualTo(2));
        assertThat(value(metrics, "http_server_requests_seconds_count", "status=\"400\"", "outcome=\"CLIENT_ERROR\""))
                .hasValueSatisfying(n -> assertThat(n).isGreaterThanOrEqualTo(1));
    }

    /** The lookup that skips mappings of other first segments (system.web, tested there) is the one Spring MVC uses. */
    @Test
    void theHandlerLookupIsTheFirstSegmentOne() {
        assertThat(handlerMapping.getClass().getSimpleName()).isEqualTo("FirstSegmentHandlerMapping");
        assertThat(new Reader(port).get("/article/999999999").statusCode()).isEqualTo(404);
    }

    /** The order of a registered filter, given by its class or, for another package's, its simple name. */
    private int order(Object filter) {
        return filters.stream()
                .filter(r -> filter instanceof Class<?> type ? type.isInstance(r.getFilter())
                        : r.getFilter().getClass().getSimpleName().equals(filter))
                .mapToInt(FilterRegistrationBean::getOrder).findFirst()
                .orElseThrow(() -> new AssertionError("no registered filter " + filter));
    }

    @Test
    void everyResponseCarriesItsRequestIdTheProxysWhenSane() {
        HttpResponse<String> given = new Reader(port, "X-Request-Id", "nginx-7f3a9c2e").get("/column/news");
        assertThat(given.headers().firstValue("X-Request-Id")).contains("nginx-7f3a9c2e");
        HttpResponse<String> cached = new Reader(port, "X-Request-Id", "nginx-cached-1").get("/column/news");
        assertThat(cached.headers().firstValue("X-Request-Id")).contains("nginx-cached-1");
        HttpResponse<String> missing = new Reader(port).get("/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{32}"));
        HttpResponse<String> forged = new Reader(port, "X-Request-Id", "../a b<c>").get("/");
        assertThat(forged.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{32}"));
    }

    @Test
    void theManagementPortListensOnLoopbackOnly() throws Exception {
        Optional<InetAddress> outside = nonLoopbackAddress();
        assumeTrue(outside.isPresent(), "this machine has no address besides loopback");
        try (Socket publicPort = new Socket()) {
            publicPort.connect(new InetSocketAddress(outside.get(), port), 2000);
        }
        assertThatThrownBy(() -> {
            try (Socket management = new Socket()) {
                management.connect(new InetSocketAddress(outside.get(), managementPort), 2000);
            }
        }).isInstanceOf(IOException.class);
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        List<InetAddress> found = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                Collections.list(nic.getInetAddresses()).stream().filter(a -> a instanceof Inet4Address).forEach(found::add);
            }
        }
        return found.stream().findFirst();
    }

    /** The value of the first sample of {@code metric} whose labels contain every one of {@code labels}. */
    static Optional<Double> value(String metrics, String metric, String... labels) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(metric) + "(\\{.*})? (\\S+)$").matcher(metrics);
        while (line.find()) {
            String found = line.group(1) == null ? "" : line.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= found.contains(label);
            }
            if (all) {
                return Optional.of(Double.parseDouble(line.group(2)));
            }
        }
        return Optional.empty();
    }
}
