package org.shegong.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.shegong.search.SearchLoadProperties;
import org.shegong.system.web.Overloaded;
import org.springframework.util.unit.DataSize;

/** The readers' search gate (ADR 0061): a bounded number at once, a short queue, 503 beyond it. */
class SearchGateTest {

    /** A gate on a two-core machine, as the target server. */
    private static SearchGate gate(int concurrent, int queued, Duration wait) {
        return new SearchGate(new SearchLoadProperties(DataSize.ofMegabytes(1), Duration.ofSeconds(60), concurrent,
                queued, wait, Duration.ofSeconds(7), 2000), 2, new SimpleMeterRegistry());
    }

    /** By default one place more than there are cores (ADR 0075); crowded once every core has a search. */
    @Test
    void byDefaultThereIsOnePlaceMoreThanCoresAndTheGateIsCrowdedWhenEveryCoreHasASearch() throws Exception {
        assertThat(SearchLoadProperties.defaults().concurrency())
                .isEqualTo(Runtime.getRuntime().availableProcessors() + 1);
        SearchGate gate = gate(3, 0, Duration.ofSeconds(1));
        assertThat(gate.enter()).isTrue();
        assertThat(gate.crowded()).as("one search on two cores").isFalse();
        assertThat(gate.enter()).isTrue();
        assertThat(gate.crowded()).as("a search on each core, one place still free").isTrue();
        assertThat(gate.call(SearchGate.Pass.RESULTS, () -> "the third place")).isEqualTo("the third place");
        assertThat(gate.enter()).isTrue();
        assertThatThrownBy(() -> gate.call(SearchGate.Pass.RESULTS, () -> "never")).as("three places, no queue")
                .isInstanceOf(Overloaded.class);
        gate.leave();
        gate.leave();
        assertThat(gate.crowded()).isFalse();
        gate.leave();
    }

    @Test
    void beyondThePlacesAndAFullQueueASearchIsRefusedAtOnceWithRetryAfter() {
        SearchGate gate = gate(2, 0, Duration.ofSeconds(30));
        assertThat(gate.enter()).isTrue();
        assertThat(gate.enter()).isTrue();
        long started = System.nanoTime();
        assertThatThrownBy(() -> gate.call(SearchGate.Pass.RESULTS, () -> "never")).isInstanceOf(Overloaded.class)
                .hasMessage("当前搜索的人数较多，请稍后再试")
                .satisfies(e -> assertThat(((Overloaded) e).retryAfterSeconds()).isEqualTo(7));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(gate.refused()).isEqualTo(1);
        gate.leave();
        assertThat(gate.call(SearchGate.Pass.RESULTS, () -> "answered")).isEqualTo("answered");
    }

    @Test
    void aQueuedSearchRunsWhenAPlaceFreesUp() throws Exception {
        SearchGate gate = gate(1, 1, Duration.ofSeconds(30));
        assertThat(gate.enter()).isTrue();
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<String> queued = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            return gate.call(SearchGate.Pass.RESULTS, () -> "after the first");
        });
        waiting.await();
        Thread.sleep(100);
        assertThat(queued).isNotDone();
        gate.leave();
        assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo("after the first");
        assertThat(gate.refused()).isZero();
    }

    /** Crowded (searches then run in one part each): every place taken, or somebody waiting for one. */
    @Test
    void theGateIsCrowdedWhenEveryPlaceIsTakenOrSomebodyWaits() throws Exception {
        SearchGate gate = gate(2, 4, Duration.ofSeconds(30));
        assertThat(gate.crowded()).isFalse();
        assertThat(gate.enter()).isTrue();
        assertThat(gate.crowded()).as("one search on two places: the other core is free").isFalse();
        assertThat(gate.enter()).isTrue();
        assertThat(gate.crowded()).isTrue();
        CompletableFuture<String> queued = CompletableFuture.supplyAsync(
                () -> gate.call(SearchGate.Pass.RESULTS, () -> "third"));
        gate.leave();
        assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo("third");
        assertThat(gate.crowded()).as("the third came and went").isFalse();
        SearchGate single = gate(1, 4, Duration.ofSeconds(30));
        assertThat(single.enter()).isTrue();
        assertThat(single.crowded()).isTrue();
        single.leave();
        assertThat(single.crowded()).isFalse();
    }

    @Test
    void aSearchThatWaitedTooLongIsRefused() {
        SearchGate gate = gate(1, 4, Duration.ofMillis(150));
        assertThat(gate.enter()).isTrue();
        long started = System.nanoTime();
        assertThatThrownBy(() -> gate.call(SearchGate.Pass.RESULTS, () -> "never")).isInstanceOf(Overloaded.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(140));
    }

    @Test
    void aFailingSearchGivesItsPlaceBack() {
        SearchGate gate = gate(1, 0, Duration.ofSeconds(1));
        assertThatThrownBy(() -> gate.call(SearchGate.Pass.RESULTS, () -> {
            throw new IllegalStateException("broken");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(gate.call(SearchGate.Pass.RESULTS, () -> "next")).isEqualTo("next");
    }

    /** The management port's view: each pass's wait and work as histograms, refusals by pass, places taken. */
    @Test
    void theGateCountsEachPassesWaitWorkAndRefusalsForTheManagementPort() throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        SearchGate gate = new SearchGate(new SearchLoadProperties(DataSize.ofMegabytes(1), Duration.ofSeconds(60), 1,
                1, Duration.ofSeconds(30), Duration.ofSeconds(7), 2000), 2, registry);
        assertThat(gate.call(SearchGate.Pass.RESULTS, () -> "at once")).isEqualTo("at once");
        assertThat(gate.enter()).isTrue();
        assertThat(registry.get("shegong.search.gate.running").gauge().value()).isEqualTo(1);
        CompletableFuture<String> queued = CompletableFuture.supplyAsync(
                () -> gate.call(SearchGate.Pass.REGIONS, () -> "after a wait"));
        awaitQueued(registry);
        assertThatThrownBy(() -> gate.call(SearchGate.Pass.REGIONS, () -> "never")).as("the queue is full")
                .isInstanceOf(Overloaded.class);
        Thread.sleep(120);
        gate.leave();
        assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo("after a wait");

        Timer resultsWait = registry.get("shegong.search.gate.wait").tag("pass", "results").timer();
        Timer regionsWait = registry.get("shegong.search.gate.wait").tag("pass", "regions").timer();
        assertThat(resultsWait.count()).isEqualTo(1);
        assertThat(resultsWait.max(TimeUnit.MILLISECONDS)).isLessThan(100);
        assertThat(regionsWait.count()).as("the refused one is not a wait").isEqualTo(1);
        assertThat(regionsWait.max(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(100);
        assertThat(registry.get("shegong.search.gate.work").tag("pass", "regions").timer().count()).isEqualTo(1);
        assertThat(registry.get("shegong.search.gate.refused").tag("pass", "regions").counter().count()).isEqualTo(1);
        assertThat(registry.get("shegong.search.gate.refused").tag("pass", "results").counter().count()).isZero();
        assertThat(registry.get("shegong.search.gate.queued").gauge().value()).isZero();
        assertThat(registry.get("shegong.search.gate.running").gauge().value()).isZero();
    }

    private static void awaitQueued(MeterRegistry registry) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (registry.get("shegong.search.gate.queued").gauge().value() < 1) {
            assertThat(System.nanoTime()).as("the second search never queued").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
