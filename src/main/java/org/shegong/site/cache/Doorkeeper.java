package org.shegong.site.cache;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Remembers which page keys were asked for before, so that the page cache keeps a page from its second request
 * rather than its first (docs/adr/0088). Random one-off pages (a crawler walking every article, readers arriving from
 * an old link) then die young instead of filling the cache and, through it, the collector's old generation.
 *
 * <p>A fixed table of slots, one key's fingerprint per slot, written over by the next key that lands there: no
 * allocation per request and no clock. A key is forgotten once another key takes its slot, so under a storm of
 * one-off pages the memory is short (slots / misses per second) and on a quiet site it is long. Two keys sharing a
 * slot and a fingerprint only let a page in a request early.
 */
final class Doorkeeper {

    private final AtomicLongArray slots;
    private final int shift;

    /** {@code slots} is rounded up to a power of two. */
    Doorkeeper(int slots) {
        int size = Integer.highestOneBit(Math.max(2, slots - 1)) << 1;
        this.slots = new AtomicLongArray(size);
        this.shift = 64 - Integer.numberOfTrailingZeros(size);
    }

    /**
     * Records a request for {@code key}; true when the key was asked for before and is still remembered.
     */
    boolean seenBefore(String key) {
        long fingerprint = fingerprint(key);
        int slot = slot(fingerprint);
        if (slots.getOpaque(slot) == fingerprint) {
            return true;
        }
        slots.setOpaque(slot, fingerprint);
        return false;
    }

    /** The top bits of a multiplicative hash spread best (Knuth's Fibonacci hashing). */
    int slot(long fingerprint) {
        return (int) (fingerprint >>> shift);
    }

    void forgetAll() {
        for (int i = 0; i < slots.length(); i++) {
            slots.setOpaque(i, 0);
        }
    }

    /**
     * 64 bits of the key, never 0 (an empty slot): the string's own hash spread over the high half (whose top bits pick
     * the slot) and a second hash in the low half, so that keys sharing a slot rarely share a fingerprint.
     */
    static long fingerprint(String key) {
        long h = key.hashCode() * 0x9E3779B97F4A7C15L;
        long second = 1469598103934665603L;
        for (int i = key.length() - 1; i >= 0; i--) {
            second = (second ^ key.charAt(i)) * 1099511628211L;
        }
        long fingerprint = (h & 0xFFFFFFFF00000000L) | (second & 0xFFFFFFFFL);
        return fingerprint == 0 ? 1 : fingerprint;
    }
}
