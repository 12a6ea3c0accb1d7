package org.shegong.region;

import org.shegong.region.data.Region;
import org.shegong.region.data.RegionDirectory;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shegong.content.Article;
import org.shegong.content.ArticleListItem;
import org.shegong.content.ListingRepository;
import org.springframework.stereotype.Service;

/**
 * 相关阅读 on the article page: candidates from the article's own place (its county, city, then province, read
 * from region_listing), from its tags and from its column, ranked by how close the place is, shared tags and the
 * words its title shares with theirs; newest first among equals. Every source is a short index read, so the cost
 * does not grow with the archive; the answer is kept for a few minutes per article.
 */
@Service
public class RelatedReading {

    private static final int CANDIDATES = 30;
    /** Words every title in the sector has: sharing them says nothing. */
    private static final Set<String> COMMON = Set.of("社会", "会工", "工作", "社工", "服务", "开展", "建设", "推进", "召开");

    private final RegionTagging tagging;
    private final RegionDirectory directory;
    private final ListingRepository listings;
    private final Cache<Long, List<ArticleListItem>> cache = Caffeine.newBuilder()
            .maximumSize(20_000).expireAfterWrite(Duration.ofMinutes(10)).build();

    RelatedReading(RegionTagging tagging, RegionDirectory directory, ListingRepository listings) {
        this.tagging = tagging;
        this.directory = directory;
        this.listings = listings;
    }

    public List<ArticleListItem> of(Article article, int limit) {
        // Not cache.get(id, compute): Caffeine computes inside the map's bin lock, so the database reads of one
        // article's ranking held up every other article in the same bin. Under 32 readers of random articles that
        // lock was where the time went (issue 18); two readers of one uncached article now rank it twice instead.
        List<ArticleListItem> related = cache.getIfPresent(article.id());
        if (related == null) {
            related = rank(article, limit);
            cache.put(article.id(), related);
        }
        return related;
    }

    private List<ArticleListItem> rank(Article article, int limit) {
        Map<Long, Double> score = new HashMap<>();
        Set<Long> ids = new LinkedHashSet<>();
        tagging.of(article.id()).stream().filter(ArticleRegion::primary).findFirst().ifPresent(primary -> {
            List<Region> chain = directory.chain(primary.region().code());
            // The nearer the place, the more it counts: same county 3, same city 2, same province 1.
            for (int i = chain.size() - 1; i >= 0 && ids.size() < CANDIDATES; i--) {
                Region at = chain.get(i);
                if (!at.isAdministrative()) {
                    continue;
                }
                double weight = at.level().ordinal() - 1;
                for (Long id : tagging.newest(at.code(), CANDIDATES)) {
                    ids.add(id);
                    score.merge(id, weight, Math::max);
                }
            }
        });
        List<ArticleListItem> items = new ArrayList<>(listings.liveItems(ids));
        for (ArticleListItem item : listings.sharingTags(article.id(), CANDIDATES)) {
            score.merge(item.id(), 2.0, Double::sum);
            items.add(item);
        }
        items.addAll(listings.latest(article.primaryColumnId(), CANDIDATES));
        Set<String> words = bigrams(article.title());
        Map<Long, ArticleListItem> unique = new HashMap<>();
        for (ArticleListItem item : items) {
            if (item.id() != article.id() && unique.putIfAbsent(item.id(), item) == null) {
                Set<String> shared = bigrams(item.title());
                shared.retainAll(words);
                score.merge(item.id(), Math.min(shared.size(), 4) * 0.75, Double::sum);
            }
        }
        return unique.values().stream()
                .sorted(Comparator.comparingDouble((ArticleListItem i) -> -score.getOrDefault(i.id(), 0.0))
                        .thenComparing(ArticleListItem::publishedAt, Comparator.reverseOrder())
                        .thenComparing(ArticleListItem::id, Comparator.reverseOrder()))
                .limit(limit)
                .toList();
    }

    /** Pairs of adjacent Han characters of a title, without the sector's everyday words. */
    static Set<String> bigrams(String title) {
        Set<String> bigrams = new HashSet<>();
        for (int i = 0; i + 1 < title.length(); i++) {
            if (Character.UnicodeScript.of(title.charAt(i)) == Character.UnicodeScript.HAN
                    && Character.UnicodeScript.of(title.charAt(i + 1)) == Character.UnicodeScript.HAN) {
                String pair = title.substring(i, i + 2);
                if (!COMMON.contains(pair)) {
                    bigrams.add(pair);
                }
            }
        }
        return bigrams;
    }
}
