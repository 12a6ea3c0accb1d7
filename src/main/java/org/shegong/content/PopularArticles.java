package org.shegong.content;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.shegong.system.Times;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * 热门排行: the most read live articles of the last 7 and 30 days, site-wide and per primary column (a caller
 * that shows a column with its sub-columns merges their rankings), from the per-day view counts. A ranking is computed by one grouped read of the
 * window's rows, kept in memory and recomputed in the background every few minutes, so a page view costs a map
 * lookup however large the archive; an article's place follows its primary column.
 */
@Service
public class PopularArticles {

    /** How many articles a ranking keeps per column and site-wide. */
    public static final int KEPT = 10;
    /** Candidates kept per column while counting: some may have been withdrawn or moved since they were read. */
    private static final int CANDIDATES = 2 * KEPT;
    /** Days of views kept; older rows are deleted when a ranking is computed. */
    static final int RETENTION_DAYS = 62;

    /** The period a ranking covers: the last {@code days} days in China time, today included. */
    public enum Window {
        WEEK(7, "本周"), MONTH(30, "本月");

        private final int days;
        private final String label;

        Window(int days, String label) {
            this.days = days;
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A ranked article and its views in the window. */
    public record Popular(ArticleListItem item, long views) {
    }

    private record Ranking(List<Popular> site, Map<Long, List<Popular>> byColumn) {
        static final Ranking NONE = new Ranking(List.of(), Map.of());
    }

    private final DailyViewsRepository daily;
    private final Clock clock;
    private final LoadingCache<Window, Ranking> rankings;

    @Autowired
    PopularArticles(DailyViewsRepository daily, Clock clock, @Value("${shegong.popular.refresh:5m}") Duration refresh) {
        this(daily, clock, refresh, ForkJoinPool.commonPool());
    }

    /** With {@code Runnable::run} a ranking is computed in the reader's thread (tests). */
    PopularArticles(DailyViewsRepository daily, Clock clock, Duration refresh, Executor executor) {
        this.daily = daily;
        this.clock = clock;
        // Readers get the previous ranking while the next is computed; an hour-old one is never served.
        this.rankings = Caffeine.newBuilder().refreshAfterWrite(refresh).expireAfterWrite(refresh.plusHours(1))
                .executor(executor).build(this::compute);
    }

    /**
     * The ranking, or none while the first one is computed in the background: the first ranking after a start
     * reads every view of the window (hundreds of thousands of rows at a million articles, 18 s on a cold H2),
     * and every page with a 热门 block would wait for it. The blocks are left out meanwhile, as on a new site.
     */
    private Ranking current(Window window) {
        Ranking ranking = rankings.getIfPresent(window);
        if (ranking == null) {
            rankings.refresh(window);
            ranking = rankings.getIfPresent(window); // already there when computed in this thread
        }
        return ranking != null ? ranking : Ranking.NONE;
    }

    public List<Popular> site(Window window, int limit) {
        List<Popular> site = current(window).site();
        return site.subList(0, Math.min(limit, site.size()));
    }

    /**
     * The most read of these columns together (a column and its sub-columns). Each column's ranking keeps its own
     * top {@value #KEPT}, so the top of their union is among them.
     */
    public List<Popular> columns(Collection<Long> columnIds, Window window, int limit) {
        Map<Long, List<Popular>> byColumn = current(window).byColumn();
        return columnIds.stream().distinct().flatMap(id -> byColumn.getOrDefault(id, List.of()).stream())
                .sorted(Comparator.comparingLong(Popular::views).reversed()
                        .thenComparing(Comparator.comparingLong((Popular p) -> p.item().id()).reversed()))
                .limit(limit).toList();
    }

    /** Computes the rankings now, in this thread (tests; an operator's "now"). */
    public void refresh() {
        for (Window window : Window.values()) {
            rankings.put(window, compute(window));
        }
    }

    private Ranking compute(Window window) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Times.CHINA);
        if (window == Window.MONTH) {
            daily.deleteBefore(today.minusDays(RETENTION_DAYS));
        }
        Comparator<DailyViewsRepository.Total> order = Comparator.comparingLong(DailyViewsRepository.Total::views)
                .thenComparingLong(DailyViewsRepository.Total::articleId);
        PriorityQueue<DailyViewsRepository.Total> site = new PriorityQueue<>(order);
        Map<Long, PriorityQueue<DailyViewsRepository.Total>> byColumn = new HashMap<>();
        daily.totalsSince(today.minusDays(window.days - 1), total -> {
            keep(site, total, order);
            keep(byColumn.computeIfAbsent(total.primaryColumnId(), id -> new PriorityQueue<>(order)), total, order);
        });
        Map<Long, DailyViewsRepository.Total> candidates = new HashMap<>();
        site.forEach(t -> candidates.put(t.articleId(), t));
        byColumn.values().forEach(q -> q.forEach(t -> candidates.put(t.articleId(), t)));
        // Only live articles are listed, each under the column it is in now.
        Map<Long, ArticleListItem> items = daily.items(candidates.keySet()).stream()
                .collect(Collectors.toMap(ArticleListItem::id, Function.identity()));
        Map<Long, List<DailyViewsRepository.Total>> byCurrentColumn = new HashMap<>();
        candidates.values().stream().filter(t -> items.containsKey(t.articleId())).forEach(t -> byCurrentColumn
                .computeIfAbsent(items.get(t.articleId()).primaryColumnId(), id -> new ArrayList<>()).add(t));
        Map<Long, List<Popular>> columnLists = new HashMap<>();
        byCurrentColumn.forEach((id, totals) -> columnLists.put(id, ranked(totals, items, order)));
        return new Ranking(ranked(site, items, order), columnLists);
    }

    private static void keep(PriorityQueue<DailyViewsRepository.Total> queue, DailyViewsRepository.Total total,
                             Comparator<DailyViewsRepository.Total> order) {
        if (queue.size() < CANDIDATES) {
            queue.add(total);
        } else if (order.compare(total, queue.peek()) > 0) {
            queue.poll();
            queue.add(total);
        }
    }

    /** Most read first; an article withdrawn since the read is left out. */
    private static List<Popular> ranked(Collection<DailyViewsRepository.Total> candidates,
                                        Map<Long, ArticleListItem> items,
                                        Comparator<DailyViewsRepository.Total> order) {
        List<DailyViewsRepository.Total> totals = new ArrayList<>(candidates);
        totals.sort(order.reversed());
        List<Popular> ranked = new ArrayList<>(KEPT);
        for (DailyViewsRepository.Total t : totals) {
            ArticleListItem item = items.get(t.articleId());
            if (item != null && ranked.size() < KEPT) {
                ranked.add(new Popular(item, t.views()));
            }
        }
        return List.copyOf(ranked);
    }
}
