package org.shegong.content;

import java.util.Arrays;
import java.util.Map;
import org.shegong.content.ListingRepository.Anchor;
import org.shegong.content.ListingRepository.Walk;

/**
 * A listing (a column's, a region's) cut into blocks of one to two pages' worth of rows, each known by its top row and its row
 * count: enough to find any page with one seek and a short skip, and to follow a change by recounting only the
 * blocks it touched (docs/adr/0017).
 *
 * <p>Block {@code i} holds the rows listed at or after {@code tops[i]} and before {@code tops[i + 1]}. The first
 * block has no top (a new article newer than everything lands in it) and the last no bottom, so the blocks
 * cover every possible position and a top row need not exist any more. The row at offset {@code o} is in the
 * block whose rows start at or before {@code o}; a page is a seek to that block's top, a skip of fewer than
 * {@link #maxBlock} rows, and one page of rows.
 *
 * <p>Immutable: a change builds a new instance and publishes it whole, so a reader always seeks within one
 * consistent snapshot of tops and counts.
 */
public final class PageAnchors {

    private final int pageSize;
    private final Anchor[] tops;
    private final int[] counts;
    private final long[] starts;
    private final long total;

    private PageAnchors(int pageSize, Anchor[] tops, int[] counts) {
        this.pageSize = pageSize;
        this.tops = tops;
        this.counts = counts;
        this.starts = new long[counts.length];
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            starts[i] = sum;
            sum += counts[i];
        }
        this.total = sum;
    }

    /** From a walk of the whole column. */
    public static PageAnchors walked(Walk walk, int pageSize) {
        Blocks blocks = new Blocks(1 + (int) (walk.count() / pageSize));
        blocks.addWalk(null, walk, pageSize);
        return blocks.build(pageSize);
    }

    /** Blocks never hold more rows than this once recounted: the longest skip a page can need, plus one. */
    int maxBlock() {
        return 2 * pageSize - 1;
    }

    public long total() {
        return total;
    }

    public int pages() {
        return (int) Math.max((total + pageSize - 1) / pageSize, 1);
    }

    int blocks() {
        return counts.length;
    }

    int largestBlock() {
        return Arrays.stream(counts).max().orElse(0);
    }

    /** Where the row at {@code offset} is found: from a block's top (null: the top of the listing), skipping. */
    public Seek seek(long offset) {
        int low = 0;
        int high = starts.length - 1;
        while (low < high) { // the last block starting at or before offset
            int mid = (low + high + 1) >>> 1;
            if (starts[mid] <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return new Seek(tops[low], (int) (offset - starts[low]));
    }

    /** The block whose range contains the position, whether or not a row is there. */
    public int blockOf(Anchor position) {
        int low = 0;
        int high = tops.length - 1;
        while (low < high) { // the last block whose top is listed at or before the position
            int mid = (low + high + 1) >>> 1;
            if (listedBefore(position, tops[mid])) {
                high = mid - 1;
            } else {
                low = mid;
            }
        }
        return low;
    }

    /** The first position of the block (inclusive), null for the open top. */
    public Anchor top(int block) {
        return tops[block];
    }

    /** The first position after the block (exclusive), null for the open bottom. */
    public Anchor bottom(int block) {
        return block + 1 < tops.length ? tops[block + 1] : null;
    }

    /**
     * A new snapshot in which each given block is replaced by what a walk of its range found now: kept whole
     * up to {@link #maxBlock()} rows, split into pages beyond, dropped when empty; then small neighbours merge.
     */
    public PageAnchors recounted(Map<Integer, Walk> walks) {
        Blocks blocks = new Blocks(tops.length + 16);
        for (int i = 0; i < tops.length; i++) {
            Walk walk = walks.get(i);
            if (walk == null) {
                blocks.add(tops[i], counts[i]);
            } else {
                blocks.addWalk(tops[i], walk, pageSize);
            }
        }
        return blocks.build(pageSize);
    }

    /** Listing order: newest first, the higher article id first among equal times. */
    static boolean listedBefore(Anchor a, Anchor b) {
        int byTime = a.publishedAt().compareTo(b.publishedAt());
        return byTime > 0 || (byTime == 0 && a.articleId() > b.articleId());
    }

    /** Where a page starts: the rows at or after {@code from} (null: all rows), then {@code skip} rows skipped. */
    public record Seek(Anchor from, int skip) {
    }

    /** Growing arrays of tops and counts. */
    private static final class Blocks {

        private Anchor[] tops;
        private int[] counts;
        private int size;

        Blocks(int capacity) {
            tops = new Anchor[Math.max(capacity, 1)];
            counts = new int[tops.length];
        }

        void add(Anchor top, int count) {
            if (size == tops.length) {
                tops = Arrays.copyOf(tops, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            tops[size] = top;
            counts[size++] = count;
        }

        /** The rows a walk found from {@code top}: one block, or pages of at least a page each when too many. */
        void addWalk(Anchor top, Walk walk, int pageSize) {
            long count = walk.count();
            if (count == 0) {
                return; // its range now belongs to the block above (or, for the first, to the one below)
            }
            if (count < 2L * pageSize) {
                add(top, (int) count);
                return;
            }
            int pieces = (int) (count / pageSize);
            for (int k = 0; k < pieces; k++) {
                add(k == 0 ? top : walk.everyNth().get(k), k < pieces - 1 ? pageSize
                        : (int) (count - (long) pageSize * (pieces - 1)));
            }
        }

        PageAnchors build(int pageSize) {
            if (size == 0) {
                add(null, 0);
            }
            tops[0] = null; // the first block has no top, even when the old first block emptied
            int kept = 0;
            for (int i = 0; i < size; i++) {
                boolean small = kept > 0 && Math.min(counts[kept - 1], counts[i]) < pageSize / 2;
                if (small && counts[kept - 1] + counts[i] < 2 * pageSize) {
                    counts[kept - 1] += counts[i]; // dropping a top between two blocks moves no row
                } else {
                    tops[kept] = tops[i];
                    counts[kept++] = counts[i];
                }
            }
            return new PageAnchors(pageSize, Arrays.copyOf(tops, kept), Arrays.copyOf(counts, kept));
        }
    }
}
