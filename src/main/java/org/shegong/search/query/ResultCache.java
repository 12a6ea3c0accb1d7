package org.shegong.search.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.shegong.search.SearchEngine;
import org.shegong.search.SearchHit;
import org.shegong.search.SearchLoadProperties;
import org.shegong.search.SearchQuery;
import org.shegong.search.SearchResults;

/**
 * The readers' recent search answers (ADR 0061), so that a popular query costs a map lookup. An answer is keyed by
 * what was asked (the cleaned text, filters, sort and page) and by the view of the index it was computed on
 * ({@code SearchIndex.readerView()}, read before the search) and the lexicon: a publication, an edit or a withdrawal
 * that reaches searches moves the view on (an editor's autosave does not), so nothing computed before it is found
 * again, and the old answers are dropped at once to give their memory back. Readers asking the same thing while it
 * is computed wait for that one computation instead of repeating it. Bounded by an estimate of the answers' size
 * and by a time to live (the recency bonus moves with the clock).
 */
final class ResultCache {

    /** What an answer is for: its kind (search, region counts, alternatives), the request, the index view. */
    record Key(String kind, SearchQuery query, long view, Object lexicon) {
    }

    /** Finished answers. */
    private final Cache<Key, Object> answers;
    /** Answers being computed, which readers asking the same wait for. */
    private final Map<Key, CompletableFuture<Object>> computing = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private volatile long newestView;

    ResultCache(SearchLoadProperties properties) {
        long bytes = properties.cacheSize().toBytes();
        this.answers = bytes <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(bytes)
                .weigher((Key key, Object answer) -> weight(answer))
                .expireAfterWrite(properties.cacheTimeToLive())
                .build();
    }

    /**
     * The answer for {@code key}: cached, being computed by another reader, or computed now by {@code compute}; kept
     * only if {@code keep} says so (not while the index is being rebuilt, when answers are incomplete). A failure
     * (a refusal under load) is not kept: whoever waited for it gets it too, the next reader tries again.
     */
    @SuppressWarnings("unchecked")
    <T> T get(Key key, Supplier<T> compute, Predicate<T> keep) {
        if (answers == null) {
            return compute.get();
        }
        if (key.view() > newestView) {
            newestView = key.view();
            answers.invalidateAll(); // nothing of an older view can be asked for again
        }
        Object cached = answers.getIfPresent(key);
        if (cached != null) {
            hits.incrementAndGet();
            return (T) cached;
        }
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> earlier = computing.putIfAbsent(key, mine);
        if (earlier != null) {
            hits.incrementAndGet();
            try {
                return (T) earlier.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        misses.incrementAndGet();
        try {
            T answer = compute.get();
            if (keep.test(answer)) {
                answers.put(key, answer); // before it leaves the computing map: no moment where neither has it
            }
            mine.complete(answer);
            return answer;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            computing.remove(key, mine);
        }
    }

    long hits() {
        return hits.get();
    }

    long misses() {
        return misses.get();
    }

    /** Roughly the bytes an answer holds: two per character of its strings, plus the objects around them. */
    static int weight(Object answer) {
        long bytes = 64;
        if (answer instanceof SearchResults results) {
            bytes += 2L * results.query().length() + hitsWeight(results.hits()) + hitsWeight(results.partialHits());
        } else if (answer instanceof SearchEngine.RegionCounts counts) {
            bytes += 96L * counts.byProvince().size();
        } else if (answer instanceof List<?> list) {
            for (Object item : list) {
                bytes += 48 + 2L * String.valueOf(item).length();
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    private static long hitsWeight(List<SearchHit> hits) {
        long bytes = 0;
        for (SearchHit hit : hits) {
            bytes += 160 + 2L * (hit.titleHtml().length() + hit.snippetHtml().length());
        }
        return bytes;
    }
}
