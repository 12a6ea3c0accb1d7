package org.shegong.region;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.shegong.content.ArticleListItem;
import org.shegong.content.ListingPage;
import org.shegong.content.ListingRepository;
import org.shegong.content.ListingRepository.Anchor;
import org.shegong.content.ListingRepository.Walk;
import org.shegong.content.PageAnchors;
import org.shegong.content.PageAnchors.Seek;
import org.shegong.system.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Numbered pages of a region's items (the region and every place under it), paged exactly like a column: the
 * region's rows of region_listing cut into {@link PageAnchors} by one walk of its primary-key range, a page is a
 * seek to a block's top, a short skip and one page. A re-tag or relist of an article drops the anchors of the
 * regions it left and joined once its transaction commits, so the next reader walks them again (ADR 0040).
 */
@Service
public class RegionListing {

    public static final int PAGE_SIZE = 20;

    private static final String ORDER = " ORDER BY region_code DESC, published_at DESC, article_id DESC";
    static final String WALK = "SELECT published_at, article_id FROM region_listing WHERE region_code = ?" + ORDER;
    static final String PAGE_FROM_TOP = "SELECT article_id FROM region_listing WHERE region_code = ?" + ORDER
            + " LIMIT ? OFFSET ?";
    static final String PAGE_FROM = """
            SELECT article_id FROM region_listing WHERE region_code = ? AND published_at <= ?
              AND (published_at < ? OR (published_at = ? AND article_id <= ?))""" + ORDER + " LIMIT ? OFFSET ?";

    private final JdbcClient jdbc;
    private final ListingRepository listings;
    private final Cache<String, PageAnchors> anchors = Caffeine.newBuilder().maximumSize(4_000).build();

    RegionListing(JdbcClient jdbc, ListingRepository listings) {
        this.jdbc = jdbc;
        this.listings = listings;
    }

    /** Page {@code page} (1-based) of a region's items, or empty when it has no such page. */
    public Optional<ListingPage> page(String code, int page) {
        PageAnchors snapshot = anchors.get(code, this::walk);
        if (page < 1 || page > snapshot.pages()) {
            return Optional.empty();
        }
        List<ArticleListItem> items = List.of();
        if (snapshot.total() > 0) {
            Seek seek = snapshot.seek((long) (page - 1) * PAGE_SIZE);
            items = inOrder(ids(code, seek));
        }
        return Optional.of(new ListingPage(items, page, snapshot.pages(), snapshot.total()));
    }

    /** How many live items each region lists (itself and everything under it), from its cached walk. */
    public long count(String code) {
        return anchors.get(code, this::walk).total();
    }

    /** The number of live items published since {@code since} under each of the regions (absent: none). */
    @Transactional(readOnly = true)
    public Map<String, Long> countsSince(Collection<String> codes, Instant since) {
        Map<String, Long> counts = new HashMap<>();
        if (codes.isEmpty()) {
            return counts;
        }
        jdbc.sql("SELECT region_code, COUNT(*) FROM region_listing WHERE region_code IN (:codes)"
                        + " AND published_at >= :since GROUP BY region_code")
                .param("codes", codes).param("since", Times.toDb(since))
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** Drops these regions' anchors once the current transaction commits (at once outside one). */
    void forgetAfterCommit(Collection<String> codes) {
        List<String> copy = List.copyOf(codes);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    anchors.invalidateAll(copy);
                }
            });
        } else {
            anchors.invalidateAll(copy);
        }
    }

    void forgetAll() {
        anchors.invalidateAll();
    }

    private List<Long> ids(String code, Seek seek) {
        Anchor from = seek.from();
        if (from == null) {
            return jdbc.sql(PAGE_FROM_TOP).params(code, PAGE_SIZE, seek.skip()).query(Long.class).list();
        }
        LocalDateTime at = Times.toDb(from.publishedAt());
        return jdbc.sql(PAGE_FROM).params(code, at, at, at, from.articleId(), PAGE_SIZE, seek.skip())
                .query(Long.class).list();
    }

    private List<ArticleListItem> inOrder(List<Long> ids) {
        Map<Long, ArticleListItem> found = new HashMap<>();
        listings.liveItems(ids).forEach(item -> found.put(item.id(), item));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /** One ordered, streamed walk of the region's rows: their count and every page's first position. */
    private PageAnchors walk(String code) {
        List<Anchor> everyNth = new ArrayList<>();
        long[] count = {0};
        jdbc.sql(WALK).param(code).withFetchSize(2_000).query(rs -> {
            if (count[0] % PAGE_SIZE == 0) {
                everyNth.add(new Anchor(Times.fromDb(rs.getObject(1, LocalDateTime.class)), rs.getLong(2)));
            }
            count[0]++;
        });
        return PageAnchors.walked(new Walk(count[0], List.copyOf(everyNth)), PAGE_SIZE);
    }
}
