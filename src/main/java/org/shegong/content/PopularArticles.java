package org.shegong.content;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.shegong.column.Column;
import org.shegong.column.ColumnService;
import org.shegong.system.Times;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * 热门排行: the most read live articles of the last 7 and 30 days, site-wide and per column (a column counts its
 * sub-columns' articles too), from the per-day view counts. A ranking is computed by one grouped read of the
 * window's rows, kept in memory and recomputed in the background every few minutes, so a page view costs a map
 * lookup however large the archive; an article's place follows its primary column.
 */
@Service
public class PopularArticles {

    /** How many articles a ranking keeps per column and site-wide. */
    public static final int KEPT = 10;
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
    }

    private final DailyViewsRepository daily;
    private final ColumnService columns;
    private final Clock clock;
    private final LoadingCache<Window, Ranking> rankings;

    PopularArticles(DailyViewsRepository daily, ColumnService columns, Clock clock,
                    @Value("${shegong.popular.refresh:5m}") Duration refresh) {
        this.daily = daily;
        this.columns = columns;
        this.clock = clock;
        // Readers get the previous ranking while the next is computed; an hour-old one is never served.
        this.rankings = Caffeine.newBuilder().refreshAfterWrite(refresh).expireAfterWrite(refresh.plusHours(1))
                .build(this::compute);
    }

    public List<Popular> site(Window window, int limit) {
        List<Popular> site = rankings.get(window).site();
        return site.subList(0, Math.min(limit, site.size()));
    }

    public List<Popular> column(long columnId, Window window, int limit) {
        List<Popular> list = rankings.get(window).byColumn().getOrDefault(columnId, List.of());
        return list.subList(0, Math.min(limit, list.size()));
    }

    /** Drops the rankings so the next read computes them (tests; an operator's "now"). */
    public void refresh() {
        rankings.invalidateAll();
    }

    private Ranking compute(Window window) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Times.CHINA);
        if (window == Window.MONTH) {
            daily.deleteBefore(today.minusDays(RETENTION_DAYS));
        }
        Map<Long, List<Long>> ancestors = new HashMap<>();
        Comparator<DailyViewsRepository.Total> order = Comparator.comparingLong(DailyViewsRepository.Total::views)
                .thenComparingLong(DailyViewsRepository.Total::articleId);
        PriorityQueue<DailyViewsRepository.Total> site = new PriorityQueue<>(order);
        Map<Long, PriorityQueue<DailyViewsRepository.Total>> byColumn = new HashMap<>();
        daily.totalsSince(today.minusDays(window.days - 1), total -> {
            keep(site, total, order);
            for (long columnId : ancestors.computeIfAbsent(total.primaryColumnId(), this::selfAndAncestors)) {
                keep(byColumn.computeIfAbsent(columnId, id -> new PriorityQueue<>(order)), total, order);
            }
        });
        Set<Long> ids = new HashSet<>();
        site.forEach(t -> ids.add(t.articleId()));
        byColumn.values().forEach(q -> q.forEach(t -> ids.add(t.articleId())));
        Map<Long, ArticleListItem> items = daily.items(ids).stream()
                .collect(Collectors.toMap(ArticleListItem::id, Function.identity()));
        Map<Long, List<Popular>> columnLists = new HashMap<>();
        byColumn.forEach((id, queue) -> columnLists.put(id, ranked(queue, items, order)));
        return new Ranking(ranked(site, items, order), columnLists);
    }

    private List<Long> selfAndAncestors(long columnId) {
        return columns.byId(columnId).map(columns::path).orElse(List.of()).stream().map(Column::id).toList();
    }

    private static void keep(PriorityQueue<DailyViewsRepository.Total> queue, DailyViewsRepository.Total total,
                             Comparator<DailyViewsRepository.Total> order) {
        if (queue.size() < KEPT) {
            queue.add(total);
        } else if (order.compare(total, queue.peek()) > 0) {
            queue.poll();
            queue.add(total);
        }
    }

    /** Most read first; an article withdrawn since the read is left out. */
    private static List<Popular> ranked(PriorityQueue<DailyViewsRepository.Total> queue,
                                        Map<Long, ArticleListItem> items,
                                        Comparator<DailyViewsRepository.Total> order) {
        List<DailyViewsRepository.Total> totals = new ArrayList<>(queue);
        totals.sort(order.reversed());
        List<Popular> ranked = new ArrayList<>(totals.size());
        for (DailyViewsRepository.Total t : totals) {
            ArticleListItem item = items.get(t.articleId());
            if (item != null) {
                ranked.add(new Popular(item, t.views()));
            }
        }
        return List.copyOf(ranked);
    }
}
