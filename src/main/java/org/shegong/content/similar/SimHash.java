package org.shegong.content.similar;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * 64-bit SimHash of a Chinese text. The text is normalised (NFKC, lower case) and split into clauses at anything
 * that is not a letter or digit; the features are the character trigrams inside each clause, weighted by how often
 * they occur. Trigrams never span a clause boundary, so a copy with its sentences or paragraphs in another order
 * has exactly the same features; a few reworded characters change few features and so few bits.
 */
public final class SimHash {

    /** Fewer normalised characters than this give no fingerprint: a short text matches too much. */
    public static final int MIN_CHARS = 40;
    private static final int GRAM = 3;

    private SimHash() {
    }

    /** The fingerprint of the text's first {@code limit} letters and digits (all when limit &lt;= 0), or null. */
    public static Long of(String text, int limit) {
        if (text == null) {
            return null;
        }
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
        Map<String, Integer> features = new HashMap<>();
        StringBuilder clause = new StringBuilder();
        int taken = 0;
        for (int i = 0; i < normal.length(); ) {
            int cp = normal.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (limit > 0 && taken >= limit) {
                    break;
                }
                clause.appendCodePoint(cp);
                taken++;
            } else {
                addClause(clause, features);
            }
        }
        addClause(clause, features);
        if (taken < MIN_CHARS) {
            return null;
        }
        int[] votes = new int[64];
        for (Map.Entry<String, Integer> feature : features.entrySet()) {
            long hash = hash(feature.getKey());
            int weight = feature.getValue();
            for (int bit = 0; bit < 64; bit++) {
                votes[bit] += ((hash >>> bit) & 1) != 0 ? weight : -weight;
            }
        }
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    private static void addClause(StringBuilder clause, Map<String, Integer> features) {
        String c = clause.toString();
        clause.setLength(0);
        if (c.isEmpty()) {
            return;
        }
        int[] cps = c.codePoints().toArray();
        if (cps.length < GRAM) {
            features.merge(c, 1, Integer::sum);
            return;
        }
        for (int i = 0; i + GRAM <= cps.length; i++) {
            features.merge(new String(cps, i, GRAM), 1, Integer::sum);
        }
    }

    /** FNV-1a over the UTF-16 units, then MurmurHash3's finaliser so that every input bit reaches every output bit. */
    static long hash(String feature) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < feature.length(); i++) {
            h ^= feature.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
