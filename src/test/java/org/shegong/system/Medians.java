package org.shegong.system;

import java.util.Arrays;

/**
 * Medians for the benchmarks in test sources (CarryBench, ListingChangeBench, RegionFacetsBench, ViewFlushBench,
 * StoredFieldsBench, HighlighterBench): one copy, not one each.
 */
public final class Medians {

    private Medians() {
    }

    /** The middle value; of an even number of values the upper of the two middle ones (a time that was measured). */
    public static long upper(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** {@link #upper(long[])} of the values from index {@code from} on: the rounds after the warm-up ones. */
    public static long upper(long[] values, int from) {
        return upper(Arrays.copyOfRange(values, from, values.length));
    }

    /** The middle value; of an even number of values the mean of the two middle ones. */
    public static double of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
