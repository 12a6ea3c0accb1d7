package org.shegong.region;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.shegong.content.ArticleListItem;
import org.shegong.content.ListingRepository;

/**
 * The candidate lists related reading ranks from — a place's newest articles, a tag's newest, a column's newest —
 * each shared by every article of that place, tag or column, so each is read once a minute rather than once per
 * article page. An uncached article page made about a dozen queries for them (issue 18: at 1,000,000 articles on
 * PostgreSQL they were most of its statements); now it makes one (its places). A minute is well inside
 * what related reading may lag: each article's answer is already kept for ten minutes.
 */
final class RelatedPools {

    static final int SIZE = 30;
    /** Per tag: a popular tag (社工站) is on a large share of all articles, so only its newest count. */
    static final int PER_TAG = 20;
    private static final Duration FRESH = Duration.ofMinutes(1);

    private final ListingRepository listings;
    private final RegionTagging tags;
    private final Cache<String, List<Candidate>> places = pool();
    private final Cache<String, List<Candidate>> byTag = pool();
    private final Cache<Long, List<Candidate>> columns = pool();

    RelatedPools(ListingRepository listings, RegionTagging tags) {
        this.listings = listings;
        this.tags = tags;
    }

    private static <K> Cache<K, List<Candidate>> pool() {
        return Caffeine.newBuilder().maximumSize(5_000).expireAfterWrite(FRESH).build();
    }

    /** The live articles newest in a place (with everything below it). */
    List<Candidate> ofPlace(String regionCode) {
        return readThrough(places, regionCode, () -> candidates(listings.liveItems(tags.newest(regionCode, SIZE))));
    }

    /** By the tag's name, which the article page already has: no query for the article's tag ids. */
    List<Candidate> ofTag(String tag) {
        return readThrough(byTag, tag, () -> candidates(listings.tagId(tag)
                .map(id -> listings.liveItems(listings.newestWithTag(id, PER_TAG))).orElse(List.of())));
    }

    List<Candidate> ofColumn(long columnId) {
        return readThrough(columns, columnId, () -> candidates(listings.latest(columnId, SIZE)));
    }

    private static List<Candidate> candidates(List<ArticleListItem> items) {
        return items.stream().map(item -> new Candidate(item, RelatedReading.bigrams(item.title()))).toList();
    }

    /**
     * An item with its title's word pairs, taken apart once when the pool is read: every uncached article page of
     * that place, tag or column compares its title with them (at 50,000 articles, taking the candidates' titles
     * apart on every page was 2.7 % of an uncached article page's CPU).
     */
    record Candidate(ArticleListItem item, int[] words) {
    }

    /**
     * The cached value, or the loaded one, kept. Not cache.get(key, compute): Caffeine computes inside the map's bin
     * lock, so the database reads behind one key held up every reader of the other keys in the same bin. Under 32
     * readers of random articles that lock was where the time went (issue 18); two readers of one missing key now
     * load it twice instead.
     */
    static <K, V> List<V> readThrough(Cache<K, List<V>> cache, K key, Supplier<List<V>> load) {
        List<V> items = cache.getIfPresent(key);
        if (items == null) {
            items = List.copyOf(load.get());
            cache.put(key, items);
        }
        return items;
    }
}
