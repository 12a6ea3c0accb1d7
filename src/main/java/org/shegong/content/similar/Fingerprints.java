package org.shegong.content.similar;

import java.util.ArrayList;
import java.util.List;

/**
 * An article's two fingerprints: of its whole text (title, then body or summary) and of its body's first
 * {@value #LEAD_CHARS} letters and digits, which a truncated copy keeps. Either may be null for a short text.
 */
public record Fingerprints(Long whole, Long lead) {

    static final int LEAD_CHARS = 200;
    static final int WHOLE = 0;
    static final int LEAD = 1;

    /** From an article's title and plain-text body (or, without a body, its summary). */
    public static Fingerprints of(String title, String plainBody) {
        String body = plainBody == null ? "" : plainBody;
        return new Fingerprints(SimHash.of((title == null ? "" : title) + "。" + body, 0),
                SimHash.of(body, LEAD_CHARS));
    }

    public boolean isEmpty() {
        return whole == null && lead == null;
    }

    /** The band keys to store and to look up: kind &lt;&lt; 18 | band &lt;&lt; 16 | the band's bits. */
    List<Integer> bandKeys() {
        List<Integer> keys = new ArrayList<>(8);
        addBands(keys, WHOLE, whole);
        addBands(keys, LEAD, lead);
        return keys;
    }

    private static void addBands(List<Integer> keys, int kind, Long hash) {
        if (hash == null) {
            return;
        }
        for (int band = 0; band < 4; band++) {
            keys.add(kind << 18 | band << 16 | ((int) (hash >>> (16 * band)) & 0xffff));
        }
    }

    /** The smaller distance of the same kinds of fingerprint, or -1 when no kind is present in both. */
    int distanceTo(Fingerprints other) {
        int best = -1;
        if (whole != null && other.whole != null) {
            best = SimHash.distance(whole, other.whole);
        }
        if (lead != null && other.lead != null) {
            int d = SimHash.distance(lead, other.lead);
            best = best < 0 ? d : Math.min(best, d);
        }
        return best;
    }
}
