package org.shegong.search.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayList;
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
import org.shegong.search.index.ViewChange;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * The readers' recent search answers (ADR 0061), so that a popular query costs a map lookup. An answer is keyed by
 * what was asked (the cleaned text, filters, sort and page) and by the view of the index it was computed on
 * ({@code SearchIndex.readerView()}, read before the search) and the lexicon: a publication, an edit or a withdrawal
 * that reaches searches moves the view on (an editor's autosave does not), so nothing computed before it is found
 * again under its old key. Each answer keeps the queries its computation ran; when the index says which documents
 * moved the view ({@link #carry}, ADR 0068), the answers none of whose queries matches one of them before or after
 * are kept under the new view, the rest dropped. Without that (no listener) a new view drops everything at once.
 * Readers asking the same thing while it is computed wait for that one computation instead of repeating it. Bounded
 * by an estimate of the answers' size and by a time to live from the answer's computation (the recency bonus moves
 * with the clock), which carrying does not extend.
 */
final class ResultCache {

    /** What an answer is for: its kind (search, region counts, alternatives), the request, the index view. */
    record Key(String kind, SearchQuery query, long view, Object lexicon) {

        Key at(long newer) {
            return new Key(kind, query, newer, lexicon);
        }
    }

    /** A finished answer, the queries computing it ran, and when it was computed (the cache's ticker). */
    record Answer(Object value, List<Query> queries, long computed) {
    }

    /** At most this many of the most used answers are tested at a view change; the others are dropped. */
    static final int MAX_CARRIED = 2_000;
    /** The queries the computing thread runs, while it computes an answer to be cached. */
    private static final ThreadLocal<List<Query>> RUN = new ThreadLocal<>();

    /** Finished answers. */
    private final Cache<Key, Answer> answers;
    private final Duration timeToLive;
    /** The clock of the time to live (tests set their own). */
    private final Ticker ticker;
    private volatile boolean carrying;
    /** Answers being computed, which readers asking the same wait for. */
    private final Map<Key, CompletableFuture<Object>> computing = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private volatile long newestView;

    ResultCache(SearchLoadProperties properties) {
        this(properties, Ticker.systemTicker());
    }

    /** With a clock of its own for the time to live (tests). */
    ResultCache(SearchLoadProperties properties, Ticker ticker) {
        this.ticker = ticker;
        long bytes = properties.cacheSize().toBytes();
        this.timeToLive = properties.cacheTimeToLive();
        this.answers = bytes <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(bytes)
                .weigher((Key key, Answer answer) -> weight(answer.value()) + weight(answer.queries()))
                .expireAfter(Expiry.creating((Key key, Answer answer) -> left(answer)))
                .ticker(ticker)
                .build();
    }

    /** Whether answers are kept at all (a size of 0 turns the cache off). */
    boolean enabled() {
        return answers != null;
    }

    /** Records a query the current computation runs (nothing when no answer to be cached is computed). */
    static void ran(Query query) {
        List<Query> run = RUN.get();
        if (run != null) {
            run.add(query);
        }
    }

    /** From now on view changes come with their documents: a new view no longer drops every answer by itself. */
    void carrying(boolean carrying) {
        this.carrying = carrying;
    }

    /**
     * Moves to {@code change.to()} the answers of {@code change.from()} (the {@link #MAX_CARRIED} most used among
     * them) that {@code untouched} says none of the changed documents matters to, unless a reader has already
     * computed them there; drops every answer of an older view.
     */
    Carried carry(ViewChange change, Predicate<List<Query>> untouched) {
        if (answers == null) {
            return new Carried(0, 0);
        }
        int tested = 0;
        int kept = 0;
        if (!change.everything()) {
            Map<Key, Answer> hottest = answers.policy().eviction().map(e -> e.hottest(MAX_CARRIED)).orElse(Map.of());
            for (Map.Entry<Key, Answer> entry : hottest.entrySet()) {
                if (entry.getKey().view() != change.from()) {
                    continue;
                }
                tested++;
                if (untouched.test(entry.getValue().queries())) {
                    kept++;
                    answers.asMap().putIfAbsent(entry.getKey().at(change.to()), entry.getValue());
                }
            }
        }
        answers.asMap().keySet().removeIf(key -> key.view() < change.to());
        return new Carried(tested, kept);
    }

    /** How many answers a view change tested, and how many of them it kept. */
    record Carried(int tested, int kept) {
    }

    private Duration left(Answer answer) {
        Duration left = timeToLive.minusNanos(ticker.read() - answer.computed());
        return left.isNegative() ? Duration.ZERO : left;
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
            if (!carrying) {
                answers.invalidateAll(); // nothing of an older view can be asked for again
            }
        }
        Answer cached = answers.getIfPresent(key);
        if (cached != null) {
            hits.incrementAndGet();
            return (T) cached.value();
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
        List<Query> run = new ArrayList<>();
        RUN.set(run);
        try {
            long computed = ticker.read();
            T answer = compute.get();
            if (keep.test(answer)) {
                // Before it leaves the computing map: no moment where neither has it.
                answers.put(key, new Answer(answer, List.copyOf(run), computed));
            }
            mine.complete(answer);
            return answer;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            RUN.remove();
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

    /** Roughly the bytes the queries hold: their terms, and the objects around them. */
    static int weight(List<Query> queries) {
        long[] bytes = {0};
        for (Query query : queries) {
            bytes[0] += 96;
            query.visit(new QueryVisitor() {
                @Override
                public void consumeTerms(Query leaf, Term... terms) {
                    for (Term term : terms) {
                        bytes[0] += 64 + term.field().length() + term.bytes().length;
                    }
                }

                @Override
                public void visitLeaf(Query leaf) {
                    bytes[0] += 64;
                }

                @Override
                public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                    return this; // the excluded terms take memory too
                }
            });
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes[0]);
    }

    private static long hitsWeight(List<SearchHit> hits) {
        long bytes = 0;
        for (SearchHit hit : hits) {
            bytes += 160 + 2L * (hit.titleHtml().length() + hit.snippetHtml().length());
        }
        return bytes;
    }
}
