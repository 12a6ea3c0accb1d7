package org.shegong.content.similar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finds articles whose text is nearly the same as another's (the same event reported twice, an item saved twice,
 * a reworded, reordered or truncated copy): fingerprints within {@value #MAX_DISTANCE} bits. Fingerprints are
 * stored with the article (in the caller's transaction) and looked up by their 16-bit bands.
 */
@Service
public class NearDuplicates {

    /** The largest Hamming distance between fingerprints that counts as a near-duplicate. */
    public static final int MAX_DISTANCE = 3;

    /** An article near another: its id, title, state (LIVE, DRAFT, WITHDRAWN) and the distance in bits. */
    public record Match(long articleId, String title, String status, int distance) {
    }

    private final FingerprintRepository repository;

    public NearDuplicates(JdbcClient jdbc) {
        this.repository = new FingerprintRepository(jdbc);
    }

    /** Stores (or replaces) an article's fingerprints; call in the transaction that saves the article. */
    public void store(long articleId, String title, String plainBody) {
        repository.replace(articleId, Fingerprints.of(title, plainBody));
    }

    /** Articles near this text, closest first, leaving out {@code exceptId} (the article itself; null for none). */
    public List<Match> similarTo(String title, String plainBody, Long exceptId) {
        Fingerprints probe = Fingerprints.of(title, plainBody);
        Map<Long, Integer> near = new HashMap<>();
        repository.sharingBands(probe.bandKeys()).forEach((id, stored) -> {
            int distance = probe.distanceTo(stored);
            if (distance >= 0 && distance <= MAX_DISTANCE && (exceptId == null || id != exceptId)) {
                near.put(id, distance);
            }
        });
        return matches(near);
    }

    /** Articles near a stored article, closest first. */
    public List<Match> similarTo(long articleId) {
        Fingerprints stored = repository.of(articleId);
        if (stored == null) {
            return List.of();
        }
        Map<Long, Integer> near = new HashMap<>();
        repository.sharingBands(stored.bandKeys()).forEach((id, other) -> {
            int distance = stored.distanceTo(other);
            if (id != articleId && distance >= 0 && distance <= MAX_DISTANCE) {
                near.put(id, distance);
            }
        });
        return matches(near);
    }

    /**
     * Groups of articles connected by near-duplicate pairs, largest first, at most {@code limit}. One pass over the
     * band table in key order: articles sharing a band key are candidates, checked by distance and joined with a
     * union-find; memory grows with the number of articles that have a near-duplicate, not with the archive.
     */
    public List<List<Match>> clusters(int limit) {
        UnionFind groups = new UnionFind();
        List<Long> bucket = new ArrayList<>();
        int[] current = {Integer.MIN_VALUE};
        Map<Long, Fingerprints> cache = new HashMap<>();
        repository.forEachBand((key, id) -> {
            if (key != current[0]) {
                joinBucket(bucket, groups, cache);
                bucket.clear();
                current[0] = key;
            }
            bucket.add(id);
        });
        joinBucket(bucket, groups, cache);
        List<List<Long>> sets = groups.sets();
        sets.sort(Comparator.<List<Long>>comparingInt(List::size).reversed()
                .thenComparing(set -> set.get(0)));
        List<List<Long>> kept = sets.subList(0, Math.min(limit, sets.size()));
        Map<Long, String[]> titles = repository.titles(kept.stream().flatMap(List::stream).toList());
        List<List<Match>> clusters = new ArrayList<>();
        for (List<Long> set : kept) {
            List<Match> cluster = new ArrayList<>();
            for (long id : set) {
                String[] t = titles.get(id);
                if (t != null) {
                    cluster.add(new Match(id, t[0], t[1], 0));
                }
            }
            if (cluster.size() > 1) {
                clusters.add(cluster);
            }
        }
        return clusters;
    }

    public long fingerprinted() {
        return repository.count();
    }

    private void joinBucket(List<Long> bucket, UnionFind groups, Map<Long, Fingerprints> cache) {
        if (bucket.size() < 2) {
            return;
        }
        List<Long> missing = bucket.stream().filter(id -> !cache.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            if (cache.size() > 100_000) {
                cache.clear(); // bounded: the cache only saves re-reading articles met in several buckets
            }
            cache.putAll(repository.byIds(missing));
        }
        for (int i = 0; i < bucket.size(); i++) {
            Fingerprints a = cache.get(bucket.get(i));
            for (int j = i + 1; j < bucket.size(); j++) {
                Fingerprints b = cache.get(bucket.get(j));
                if (a != null && b != null) {
                    int distance = a.distanceTo(b);
                    if (distance >= 0 && distance <= MAX_DISTANCE) {
                        groups.union(bucket.get(i), bucket.get(j));
                    }
                }
            }
        }
    }

    private List<Match> matches(Map<Long, Integer> near) {
        Map<Long, String[]> titles = repository.titles(near.keySet());
        List<Match> matches = new ArrayList<>();
        near.forEach((id, distance) -> {
            String[] t = titles.get(id);
            if (t != null) {
                matches.add(new Match(id, t[0], t[1], distance));
            }
        });
        matches.sort(Comparator.comparingInt(Match::distance).thenComparingLong(Match::articleId));
        return matches;
    }

    /** Disjoint sets of article ids, only for ids that were joined with another. */
    private static final class UnionFind {

        private final Map<Long, Long> parent = new HashMap<>();

        void union(long a, long b) {
            long ra = find(a);
            long rb = find(b);
            if (ra != rb) {
                parent.put(Math.max(ra, rb), Math.min(ra, rb));
            }
        }

        long find(long x) {
            long root = x;
            while (parent.containsKey(root) && parent.get(root) != root) {
                root = parent.get(root);
            }
            parent.putIfAbsent(x, x);
            if (root != x) {
                parent.put(x, root);
            }
            return root;
        }

        List<List<Long>> sets() {
            Map<Long, List<Long>> byRoot = new HashMap<>();
            for (Long id : new ArrayList<>(parent.keySet())) {
                byRoot.computeIfAbsent(find(id), r -> new ArrayList<>()).add(id);
            }
            List<List<Long>> sets = new ArrayList<>();
            for (List<Long> set : byRoot.values()) {
                set.sort(null);
                sets.add(set);
            }
            return sets;
        }
    }
}
