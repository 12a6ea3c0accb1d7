package org.shegong.region;

import org.shegong.region.data.Region;
import org.shegong.region.data.RegionDirectory;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shegong.content.Article;
import org.shegong.content.ArticleListItem;
import org.shegong.content.ListingRepository;
import org.shegong.system.Han;
import org.springframework.stereotype.Service;

/**
 * 相关阅读 on the article page: candidates from the article's own place (its county, city, then province, read
 * from region_listing), from its tags and from its column, ranked by how close the place is, shared tags and the
 * words its title shares with theirs; newest first among equals. Every source is a short index read, so the cost
 * does not grow with the archive, and is shared for a minute by the articles of that place, tag or column
 * ({@link RelatedPools}); the answer is kept for a few minutes per article.
 */
@Service
public class RelatedReading {

    /** Words every title in the sector has: sharing them says nothing. */
    private static final int[] COMMON = pairs("社会", "会工", "工作", "社工", "服务", "开展", "建设", "推进", "召开");

    /** The newest first, then the highest id: the order among equals, and of the articles sharing a tag. */
    private static final Comparator<RelatedPools.Candidate> NEWEST = Comparator
            .comparing((RelatedPools.Candidate c) -> c.item().publishedAt(), Comparator.reverseOrder())
            .thenComparing(Comparator.comparingLong((RelatedPools.Candidate c) -> c.item().id()).reversed());

    private final RegionDirectory directory;
    private final RelatedPools pools;
    private final Cache<Long, List<ArticleListItem>> cache = Caffeine.newBuilder()
            .maximumSize(20_000).expireAfterWrite(Duration.ofMinutes(10)).build();

    RelatedReading(RegionTagging tagging, RegionDirectory directory, ListingRepository listings) {
        this.directory = directory;
        this.pools = new RelatedPools(listings, tagging);
    }

    /** For an article whose region tags ({@link RegionTagging#of(long)}) the caller has read: its page shows them. */
    public List<ArticleListItem> of(Article article, List<ArticleRegion> places, int limit) {
        return RelatedPools.readThrough(cache, article.id(), () -> rank(article, places, limit));
    }

    private List<ArticleListItem> rank(Article article, List<ArticleRegion> places, int limit) {
        // One entry per candidate, in the order first seen (place, tags, column); scores kept as fields, not boxed
        // in a map the sort reads: boxing in the comparator was half of what a ranking allocated (issue 18).
        Map<Long, Scored> candidates = new LinkedHashMap<>();
        places.stream().filter(ArticleRegion::primary).findFirst().ifPresent(primary -> {
            List<Region> chain = directory.chain(primary.region().code());
            // The nearer the place, the more it counts: same county 3, same city 2, same province 1.
            // Only places are in the map yet, so its size is how many distinct items the nearer places gave.
            for (int i = chain.size() - 1; i >= 0 && candidates.size() < RelatedPools.SIZE; i--) {
                Region at = chain.get(i);
                if (!at.isAdministrative()) {
                    continue;
                }
                double weight = at.level().ordinal() - 1;
                for (RelatedPools.Candidate candidate : pools.ofPlace(at.code())) {
                    Scored scored = candidates.computeIfAbsent(candidate.item().id(), id -> new Scored(candidate));
                    scored.score = Math.max(scored.score, weight);
                }
            }
        });
        for (RelatedPools.Candidate candidate : sharingTags(article)) {
            candidates.computeIfAbsent(candidate.item().id(), id -> new Scored(candidate)).score += 2.0;
        }
        for (RelatedPools.Candidate candidate : pools.ofColumn(article.primaryColumnId())) {
            candidates.computeIfAbsent(candidate.item().id(), id -> new Scored(candidate));
        }
        int[] words = bigrams(article.title());
        List<Scored> ranked = new ArrayList<>(candidates.size());
        for (Scored scored : candidates.values()) {
            if (scored.candidate.item().id() != article.id()) {
                scored.score += Math.min(shared(scored.candidate.words(), words), 4) * 0.75;
                ranked.add(scored);
            }
        }
        ranked.sort(Scored.ORDER);
        List<ArticleListItem> top = new ArrayList<>(Math.min(limit, ranked.size()));
        for (int i = 0; i < ranked.size() && i < limit; i++) {
            top.add(ranked.get(i).candidate.item());
        }
        return List.copyOf(top);
    }

    /** A candidate and its score so far: the place's weight, then the tags', then the title words'. */
    private static final class Scored {

        /** Highest score first, then {@link RelatedReading#NEWEST}. */
        static final Comparator<Scored> ORDER = Comparator.comparingDouble((Scored s) -> -s.score)
                .thenComparing(s -> s.candidate, NEWEST);

        private final RelatedPools.Candidate candidate;
        private double score;

        Scored(RelatedPools.Candidate candidate) {
            this.candidate = candidate;
        }
    }

    /** The newest live articles sharing one of the article's first five tags (by name), the article left out. */
    private List<RelatedPools.Candidate> sharingTags(Article article) {
        Map<Long, RelatedPools.Candidate> sharing = new HashMap<>();
        for (String tag : article.tags().subList(0, Math.min(5, article.tags().size()))) {
            for (RelatedPools.Candidate candidate : pools.ofTag(tag)) {
                if (candidate.item().id() != article.id()) {
                    sharing.putIfAbsent(candidate.item().id(), candidate);
                }
            }
        }
        return sharing.values().stream()
                .sorted(NEWEST)
                .limit(RelatedPools.SIZE)
                .toList();
    }

    /**
     * Pairs of adjacent Han characters of a title, without the sector's everyday words, each as one int (two
     * chars), sorted and distinct. Numbers, not strings: about a hundred titles are compared per ranking, and
     * the strings and sets were a sixth of an uncached article page's CPU (JFR at 1,000,000 articles, issue 18).
     */
    static int[] bigrams(String title) {
        int[] pairs = new int[Math.max(0, title.length() - 1)];
        int n = 0;
        for (int i = 0; i + 1 < title.length(); i++) {
            char first = title.charAt(i);
            char second = title.charAt(i + 1);
            if (Han.is(first) && Han.is(second)) {
                int pair = first << 16 | second;
                if (Arrays.binarySearch(COMMON, pair) < 0) {
                    pairs[n++] = pair;
                }
            }
        }
        Arrays.sort(pairs, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || pairs[distinct - 1] != pairs[i]) {
                pairs[distinct++] = pairs[i];
            }
        }
        return Arrays.copyOf(pairs, distinct);
    }

    /** How many values two sorted, distinct arrays have in common. */
    static int shared(int[] a, int[] b) {
        int count = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                count++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return count;
    }

    private static int[] pairs(String... words) {
        return Arrays.stream(words).mapToInt(w -> w.charAt(0) << 16 | w.charAt(1)).sorted().toArray();
    }
}
