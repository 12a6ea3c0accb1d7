package org.shegong.region.tagging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ahocorasick.trie.PayloadEmit;
import org.shegong.region.data.Region;
import org.shegong.region.data.RegionDirectory;
import org.shegong.region.data.RegionLevel;

/**
 * Finds the places an article names and decides which one it is about. Words are matched leftmost-longest
 * (浙江西部 is 浙江, not 江西; 长治久安 is no place); a word that several places share (鼓楼区, 朝阳) goes to the one
 * whose province or city the text also names; the title's first place wins (深圳…援疆 is about 深圳), made as
 * specific as the title allows (沈阳浑南区 → 浑南区); without a place in the title, the place the summary and
 * body name most; with none, or a title that speaks of 全国, the item is national. Thread-safe.
 */
public final class RegionTagger {

    /** Bodies are read up to here: a place first named later does not change what the item is about. */
    public static final int BODY_LIMIT = 20_000;
    private static final int TITLE = 0;
    private static final int SUMMARY = 1;
    private static final int BODY = 2;
    private static final double[] WEIGHT = {10, 3, 1};
    private static final Set<String> MUNICIPALITIES = Set.of("110000", "120000", "310000", "500000");
    private static final int MAX_OTHERS = 10;

    private final RegionDirectory directory;
    private final MentionDictionary dictionary;

    public RegionTagger(RegionDirectory directory) {
        this.directory = directory;
        this.dictionary = MentionDictionary.build(directory);
    }

    public RegionDirectory directory() {
        return directory;
    }

    /** Tags an article from its title, summary (may be null) and plain-text body (may be null). */
    public RegionTags tag(String title, String summary, String body) {
        List<Hit> hits = new ArrayList<>();
        scan(title, TITLE, hits);
        scan(summary, SUMMARY, hits);
        scan(body == null || body.length() <= BODY_LIMIT ? body : body.substring(0, BODY_LIMIT), BODY, hits);
        Set<String> context = context(hits);
        List<Mention> mentions = new ArrayList<>();
        boolean[] nation = new boolean[3];
        for (Hit hit : hits) {
            if (hit.word().nation()) {
                nation[hit.field()] = true;
                continue;
            }
            Candidate chosen = choose(hit.word().candidates(), context);
            if (chosen != null) {
                mentions.add(new Mention(chosen.region(), hit.field(), chosen.weak()));
            }
        }
        Map<String, Double> scores = scores(mentions);
        Region primary = primary(mentions, scores, nation);
        return new RegionTags(primary, others(mentions, scores, primary));
    }

    private record Hit(MentionDictionary.Word word, int field) {
    }

    private record Mention(Region region, int field, boolean weak) {
    }

    /** Leftmost-longest words of {@code text}, in order; a blocking word hides what it overlaps and adds nothing. */
    private void scan(String text, int field, List<Hit> into) {
        if (text == null || text.isEmpty()) {
            return;
        }
        List<PayloadEmit<MentionDictionary.Word>> emits = new ArrayList<>();
        dictionary.trie().parseText(text, emit -> emits.add(emit));
        if (emits.size() > 1) {
            emits.sort(Comparator.<PayloadEmit<MentionDictionary.Word>>comparingInt(PayloadEmit::getStart)
                    .thenComparing(e -> -e.size()));
        }
        int taken = -1;
        for (PayloadEmit<MentionDictionary.Word> emit : emits) {
            if (emit.getStart() > taken) {
                taken = emit.getEnd();
                if (!emit.getPayload().blocks()) {
                    into.add(new Hit(emit.getPayload(), field));
                }
            }
        }
    }

    /** The regions (with all above them) that the text names without doubt: context for the doubtful words. */
    private Set<String> context(List<Hit> hits) {
        Set<String> context = new HashSet<>();
        for (Hit hit : hits) {
            Region only = null;
            int strong = 0;
            for (Candidate c : hit.word().candidates()) {
                if (!c.needsContext() && !c.weak() && c.region().isAdministrative()) {
                    only = c.region();
                    strong++;
                }
            }
            if (strong == 1) {
                for (Region r : directory.chain(only.code())) {
                    context.add(r.code());
                }
            }
        }
        return context;
    }

    private Candidate choose(List<Candidate> candidates, Set<String> context) {
        if (candidates.size() == 1) {
            Candidate only = candidates.get(0);
            return !only.needsContext() || aboveIn(only.region(), context) ? only : null;
        }
        List<Candidate> possible = new ArrayList<>(candidates.size());
        List<Candidate> supported = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            boolean above = aboveIn(c.region(), context);
            if (!c.needsContext() || above) {
                possible.add(c);
                if (above) {
                    supported.add(c);
                }
            }
        }
        List<Candidate> pool = supported.isEmpty() ? possible : supported;
        if (pool.size() <= 1) {
            return pool.isEmpty() ? null : pool.get(0);
        }
        // No context decides: the higher division is the likelier meaning, then a municipality's district.
        int top = pool.stream().mapToInt(c -> c.region().level().ordinal()).min().orElseThrow();
        List<Candidate> highest = pool.stream().filter(c -> c.region().level().ordinal() == top).toList();
        if (highest.size() == 1) {
            return highest.get(0);
        }
        List<Candidate> municipal = highest.stream()
                .filter(c -> MUNICIPALITIES.contains(c.region().parentCode())).toList();
        return municipal.size() == 1 ? municipal.get(0) : null;
    }

    /**
     * Whether the text names a region above this one. A county needs its own city (or, directly under a province
     * or municipality, that): 辽宁 alone does not make 振兴 in 乡村振兴 the 振兴区 of 丹东.
     */
    private boolean aboveIn(Region region, Set<String> context) {
        if (region.level() == RegionLevel.COUNTY) {
            return context.contains(region.parentCode());
        }
        for (String code = region.parentCode(); code != null; ) {
            if (context.contains(code)) {
                return true;
            }
            code = directory.find(code).map(Region::parentCode).orElse(null);
        }
        return false;
    }

    /** Weighted mentions per region, each mention also counting for the regions above it. */
    private Map<String, Double> scores(List<Mention> mentions) {
        Map<String, Double> scores = new HashMap<>();
        for (Mention m : mentions) {
            double weight = WEIGHT[m.field()] * (m.weak() ? 0.5 : 1);
            for (Region r : directory.chain(m.region().code())) {
                scores.merge(r.code(), weight, Double::sum);
            }
        }
        return scores;
    }

    private Region primary(List<Mention> mentions, Map<String, Double> scores, boolean[] nation) {
        List<Region> title = new ArrayList<>();
        List<Region> weakTitle = new ArrayList<>();
        for (Mention m : mentions) {
            if (m.field() == TITLE) {
                (m.weak() ? weakTitle : title).add(m.region());
            }
        }
        if (title.isEmpty()) {
            title = weakTitle;
        }
        if (!title.isEmpty()) {
            Region first = title.get(0);
            if (first.level() == RegionLevel.MACRO) {
                return first;
            }
            Region province = directory.chain(first.code()).get(0);
            return narrowest(province, title.stream().filter(r -> directory.within(r.code(), province.code())).toList());
        }
        if (nation[TITLE]) {
            return directory.require(Region.NATION);
        }
        Region province = best(directory.provinces(), scores);
        if (province == null) {
            province = mentions.stream().filter(m -> m.region().isAdministrative())
                    .map(m -> directory.chain(m.region().code()).get(0)).findFirst().orElse(null);
        }
        if (province == null) {
            Region macro = mentions.stream().map(Mention::region).filter(r -> r.level() == RegionLevel.MACRO)
                    .findFirst().orElse(null);
            return macro != null ? macro : directory.require(Region.NATION);
        }
        double provinceScore = scores.get(province.code());
        if ((nation[SUMMARY] || nation[BODY]) && provinceScore <= WEIGHT[SUMMARY]) {
            return directory.require(Region.NATION); // a national item that names one place in passing
        }
        Region chosen = province;
        for (Region child = best(directory.children(province.code()), scores); child != null
                && scores.get(child.code()) * 2 >= provinceScore; child = best(directory.children(child.code()), scores)) {
            chosen = child;
        }
        return chosen;
    }

    /** The deepest region all the title's places in one province agree on: 辽宁 + 沈阳 + 浑南区 → 浑南区. */
    private Region narrowest(Region province, List<Region> named) {
        Region at = province;
        for (int depth = 1; ; depth++) {
            Region next = null;
            for (Region r : named) {
                List<Region> chain = directory.chain(r.code());
                if (chain.size() > depth) {
                    Region step = chain.get(depth);
                    if (!chain.get(depth - 1).equals(at) || (next != null && !next.equals(step))) {
                        return at; // two cities named: the item is about the province
                    }
                    next = step;
                }
            }
            if (next == null) {
                return at;
            }
            at = next;
        }
    }

    /** The highest-scoring of {@code regions}; null when none scores or two share the top score. */
    private static Region best(List<Region> regions, Map<String, Double> scores) {
        Region best = null;
        double top = 0;
        boolean tie = false;
        for (Region r : regions) {
            double s = scores.getOrDefault(r.code(), 0.0);
            if (s > top) {
                best = r;
                top = s;
                tie = false;
            } else if (s == top && s > 0) {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    /** The other places named, most named first, without the primary, anything above it or above another. */
    private List<Region> others(List<Mention> mentions, Map<String, Double> scores, Region primary) {
        Map<String, Region> named = new LinkedHashMap<>();
        for (Mention m : mentions) {
            named.putIfAbsent(m.region().code(), m.region());
        }
        Set<String> covered = new HashSet<>();
        for (Region r : named.values()) {
            List<Region> chain = directory.chain(r.code());
            for (int i = 0; i < chain.size() - 1; i++) {
                covered.add(chain.get(i).code());
            }
        }
        for (Region r : directory.chain(primary.code())) {
            covered.add(r.code());
        }
        return named.values().stream()
                .filter(r -> !covered.contains(r.code()))
                .sorted(Comparator.comparingDouble((Region r) -> -scores.getOrDefault(r.code(), 0.0)))
                .limit(MAX_OTHERS)
                .toList();
    }
}
