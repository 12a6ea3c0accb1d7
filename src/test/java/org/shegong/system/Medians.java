package org.shegong.system;

import java.util.Arrays;

/** Medians for the benchmarks in test sources (CarryBench, ListingChangeBench, RegionFacetsBench): one copy, not three. */
public final class Medians {

    private Medians() {
    }

    /** The middle value; of an even number of values the upper of the two middle ones (a time that was measured). */
    public static long upper(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The middle value; of an even number of values the mean of the two middle ones. */
    public static double of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
