package org.shegong.search;

/**
 * Whether the index is complete or being rebuilt, and how far a rebuild has got.
 *
 * @param rebuilding  a rebuild is running (results may be incomplete until it ends)
 * @param done        articles indexed so far by the running (or last) rebuild
 * @param total       live articles the rebuild set out to index
 * @param documents   documents in the index now
 */
public record IndexStatus(boolean rebuilding, long done, long total, long documents) {

    public int percent() {
        return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
    }
}
