package org.shegong.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.shegong.content.ListingRepository.Anchor;
import org.shegong.content.ListingRepository.Walk;
import org.shegong.content.PageAnchors.Seek;

/**
 * The block arithmetic of page anchors against an in-memory listing: after thousands of random changes followed
 * by recounts of the touched blocks, the seek for every offset lands on the row an OFFSET would, and blocks stay
 * between a few rows and two pages.
 */
class PageAnchorsTest {

    private static final int PAGE = 20;
    private static final Comparator<Anchor> LISTING_ORDER = (a, b) ->
            PageAnchors.listedBefore(a, b) ? -1 : PageAnchors.listedBefore(b, a) ? 1 : 0;

    private final TreeSet<Anchor> rows = new TreeSet<>(LISTING_ORDER);
    private final Random random = new Random(42);
    private long nextId = 1;

    @Test
    void everyOffsetSeeksToTheRowAnOffsetQueryFindsThroughRandomChanges() {
        for (int i = 0; i < 500; i++) {
            rows.add(newRow(random.nextInt(200)));
        }
        PageAnchors anchors = PageAnchors.walked(walk(null, null), PAGE);
        assertMatchesModel(anchors, "walked");
        for (int step = 0; step < 1_500; step++) {
            List<Anchor> touched = new ArrayList<>();
            int changes = 1 + random.nextInt(random.nextInt(10) == 0 ? 60 : 4);
            boolean shrinking = step >= 500 && step < 900; // withdrawals outnumber publishes: blocks must merge
            for (int i = 0; i < changes; i++) {
                touched.add(changeOne(shrinking));
            }
            Map<Integer, Walk> walks = new HashMap<>();
            for (Anchor position : touched) {
                int block = anchors.blockOf(position);
                walks.put(block, walk(anchors.top(block), anchors.bottom(block)));
            }
            PageAnchors before = anchors;
            List<Seek> seeksBefore = seeks(before);
            anchors = anchors.recounted(walks);
            assertMatchesModel(anchors, "step " + step);
            assertThat(seeks(before)).as("a snapshot never changes").isEqualTo(seeksBefore);
        }
    }

    @Test
    void anEmptiedFirstOrLastBlockHandsItsRangeToItsNeighbour() {
        for (int i = 0; i < 100; i++) {
            rows.add(newRow(i));
        }
        PageAnchors anchors = PageAnchors.walked(walk(null, null), PAGE);
        assertThat(anchors.blocks()).isEqualTo(5);
        // Remove the whole first block and the whole last one, then recount both.
        List<Anchor> all = new ArrayList<>(rows);
        Stream.concat(all.subList(0, 20).stream(), all.subList(80, 100).stream()).forEach(rows::remove);
        anchors = anchors.recounted(Map.of(0, walk(null, anchors.bottom(0)), 4, walk(anchors.top(4), null)));
        assertThat(anchors.top(0)).isNull();
        assertThat(anchors.bottom(anchors.blocks() - 1)).isNull();
        assertMatchesModel(anchors, "after emptying both ends");
        // A row newer than everything still belongs to the first block, one older than everything to the last.
        assertThat(anchors.blockOf(newRow(1_000))).isZero();
        assertThat(anchors.blockOf(new Anchor(Instant.EPOCH, 0))).isEqualTo(anchors.blocks() - 1);
    }

    @Test
    void anEmptyColumnHasOneEmptyBlockAndOnePage() {
        PageAnchors anchors = PageAnchors.walked(walk(null, null), PAGE);
        assertThat(anchors.total()).isZero();
        assertThat(anchors.pages()).isEqualTo(1);
        assertThat(anchors.seek(0)).isEqualTo(new Seek(null, 0));
    }

    /** Adds, removes or re-dates one row, returning the position(s) touched (a re-dated row: the new one). */
    private Anchor changeOne(boolean shrinking) {
        int dice = shrinking && random.nextInt(3) > 0 ? 9 : random.nextInt(10);
        if (dice < 4 || rows.size() < 10) {
            return add(newRow(200 + (int) nextId)); // at the top, as a newsroom publishes
        } else if (dice < 6) {
            return add(newRow(random.nextInt(200 + (int) nextId)));
        }
        Anchor any = new ArrayList<>(rows).get(random.nextInt(rows.size()));
        rows.remove(any);
        return any;
    }

    private Anchor add(Anchor row) {
        rows.add(row);
        return row;
    }

    /** Times fall on whole minutes, so many rows tie on time and the id decides. */
    private Anchor newRow(int minute) {
        return new Anchor(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(60L * (minute / 2)), nextId++);
    }

    private Walk walk(Anchor from, Anchor before) {
        long count = 0;
        List<Anchor> everyNth = new ArrayList<>();
        for (Anchor row : rows) {
            boolean inside = (from == null || !PageAnchors.listedBefore(row, from))
                    && (before == null || PageAnchors.listedBefore(row, before));
            if (inside) {
                if (count % PAGE == 0) {
                    everyNth.add(row);
                }
                count++;
            }
        }
        return new Walk(count, everyNth);
    }

    private void assertMatchesModel(PageAnchors anchors, String context) {
        List<Anchor> listing = new ArrayList<>(rows);
        assertThat(anchors.total()).as(context).isEqualTo(listing.size());
        assertThat(anchors.largestBlock()).as(context).isLessThanOrEqualTo(anchors.maxBlock());
        assertThat(anchors.blocks()).as(context + ": blocks stay dense")
                .isLessThanOrEqualTo(1 + listing.size() / (PAGE / 2 - 1));
        Map<Anchor, Integer> rowsBefore = new HashMap<>();
        for (int offset = 0; offset < listing.size(); offset++) {
            Seek seek = anchors.seek(offset);
            assertThat(seek.skip()).as(context).isLessThan(anchors.maxBlock());
            int first = seek.from() == null ? 0
                    : rowsBefore.computeIfAbsent(seek.from(), from -> rows.headSet(from, false).size());
            assertThat(listing.get(first + seek.skip())).as(context + ": offset " + offset)
                    .isEqualTo(listing.get(offset));
        }
    }

    private static List<Seek> seeks(PageAnchors anchors) {
        List<Seek> seeks = new ArrayList<>();
        for (long offset = 0; offset < anchors.total(); offset += 7) {
            seeks.add(anchors.seek(offset));
        }
        return seeks;
    }
}
