package org.shegong.site.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DoorkeeperTest {

    @Test
    void aKeyIsLetInOnItsSecondRequestAndStaysIn() {
        Doorkeeper doorkeeper = new Doorkeeper(1024);
        assertThat(doorkeeper.seenBefore("/article/7")).isFalse();
        assertThat(doorkeeper.seenBefore("/article/7")).isTrue();
        assertThat(doorkeeper.seenBefore("/article/7")).isTrue();
        assertThat(doorkeeper.seenBefore("/article/8")).as("another key").isFalse();
        assertThat(doorkeeper.seenBefore("/article/7 care")).as("another display variant").isFalse();
    }

    @Test
    void forgettingStartsOver() {
        Doorkeeper doorkeeper = new Doorkeeper(1024);
        doorkeeper.seenBefore("/");
        doorkeeper.forgetAll();
        assertThat(doorkeeper.seenBefore("/")).isFalse();
        assertThat(doorkeeper.seenBefore("/")).isTrue();
    }

    @Test
    void aStormOfOneOffKeysPushesOldKeysOutAndIsNeverLetIn() {
        Doorkeeper doorkeeper = new Doorkeeper(1024);
        doorkeeper.seenBefore("/column/news");
        long letIn = IntStream.range(0, 100_000).filter(i -> doorkeeper.seenBefore("/article/" + i)).count();
        assertThat(letIn).as("one-off keys let in by a shared fingerprint").isLessThanOrEqualTo(1);
        assertThat(doorkeeper.seenBefore("/column/news")).as("written over a hundred times").isFalse();
    }

    @Test
    void keysRememberedTogetherFitTheTableWithFewCollisions() {
        Doorkeeper doorkeeper = new Doorkeeper(1 << 16);
        int keys = 1 << 12;
        IntStream.range(0, keys).forEach(i -> doorkeeper.seenBefore("/article/" + (1_000_000 + i)));
        long remembered = IntStream.range(0, keys).filter(i -> doorkeeper.seenBefore("/article/" + (1_000_000 + i)))
                .count();
        // 4,096 keys in 65,536 slots: a random spread puts about 6 % on a slot another key took (birthday bound);
        // the multiplicative hash of hashCode() spreads sequential article ids better (a shared FNV/Murmur hash gave 94 %).
        assertThat(remembered).isGreaterThan(keys * 95L / 100);
    }

    @Test
    void theTableIsAPowerOfTwoAtLeastAsLargeAsAsked() {
        Set<Integer> slots = new HashSet<>();
        Doorkeeper small = new Doorkeeper(3);
        for (int i = 0; i < 1000; i++) {
            slots.add(small.slot(Doorkeeper.fingerprint("/k" + i)));
        }
        assertThat(slots).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(small.seenBefore("/a")).isFalse();
        assertThat(Doorkeeper.fingerprint("")).isNotZero();
    }
}
