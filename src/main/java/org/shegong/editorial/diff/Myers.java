package org.shegong.editorial.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Myers' O((N+M)D) shortest edit script over int tokens (code points or line numbers). The trace kept for the
 * way back grows with D², so a diff of more than {@code maxEdits} edits gives up (null) and the caller shows
 * the pair as replaced.
 */
final class Myers {

    enum Op { EQUAL, DELETE, INSERT }

    private Myers() {
    }

    /** The edit script, one op per token of {@code a} (EQUAL, DELETE) or {@code b} (INSERT), in order; or null. */
    static List<Op> script(int[] a, int[] b, int maxEdits) {
        int n = a.length;
        int m = b.length;
        int limit = Math.min(n + m, maxEdits);
        int offset = limit + 1;
        int[] v = new int[2 * limit + 3];
        List<int[]> trace = new ArrayList<>();
        for (int d = 0; d <= limit; d++) {
            trace.add(Arrays.copyOfRange(v, offset - d - 1, offset + d + 2));
            for (int k = -d; k <= d; k += 2) {
                int x = k == -d || k != d && v[offset + k - 1] < v[offset + k + 1]
                        ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[x] == b[y]) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    return backtrack(trace, n, m);
                }
            }
        }
        return null;
    }

    private static List<Op> backtrack(List<int[]> trace, int n, int m) {
        List<Op> reversed = new ArrayList<>(n + m);
        int x = n;
        int y = m;
        for (int d = trace.size() - 1; d >= 0; d--) {
            int[] v = trace.get(d); // v(k) is v[k + d + 1]
            int k = x - y;
            int prevK = k == -d || k != d && v[k - 1 + d + 1] < v[k + 1 + d + 1] ? k + 1 : k - 1;
            int prevX = v[prevK + d + 1];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                reversed.add(Op.EQUAL);
                x--;
                y--;
            }
            if (d > 0) {
                reversed.add(x == prevX ? Op.INSERT : Op.DELETE);
            }
            x = prevX;
            y = prevY;
        }
        java.util.Collections.reverse(reversed);
        return reversed;
    }
}
