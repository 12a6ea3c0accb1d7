package org.shegong.region.tagging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ahocorasick.trie.PayloadTrie;
import org.shegong.region.data.Region;
import org.shegong.region.data.RegionDirectory;
import org.shegong.region.data.RegionLevel;

/**
 * Every word that names a place (full and short forms of all divisions, plus the rules in
 * {@code region/tagger-rules.txt}) in one Aho–Corasick automaton, each word with the places it may name.
 * A blocking word names nothing: as the longer match it hides the place name inside it (长治久安).
 */
final class MentionDictionary {

    /** What a word names; no candidates for a blocking word, {@link #nation} for a national marker. */
    record Word(String text, List<Candidate> candidates, boolean nation) {
        boolean blocks() {
            return candidates.isEmpty() && !nation;
        }
    }

    private final PayloadTrie<Word> trie;

    private MentionDictionary(PayloadTrie<Word> trie) {
        this.trie = trie;
    }

    PayloadTrie<Word> trie() {
        return trie;
    }

    static MentionDictionary build(RegionDirectory directory) {
        Rules rules = Rules.load();
        Map<String, List<Candidate>> words = new HashMap<>();
        for (Region region : directory.all()) {
            if (!region.isAdministrative()) {
                continue;
            }
            boolean county = region.level() == RegionLevel.COUNTY;
            // 赵县, 城区: a two-character county name is too often part of an ordinary phrase (各县, 老城区).
            boolean fullNeedsContext = county && (region.name().length() <= 2 || rules.context.contains(region.name()));
            add(words, region.name(), new Candidate(region, fullNeedsContext, false));
            String shortName = region.shortName();
            if (shortName == null || rules.dropped.contains(shortName + " " + region.code())) {
                continue;
            }
            // 义乌, 昆山: county-level cities are known by their short form; 浑南 or 和平 alone are not.
            boolean knownShort = !county || region.name().endsWith("市");
            add(words, shortName, new Candidate(region, !knownShort || rules.context.contains(shortName), false));
        }
        rules.aliases.forEach((word, code) -> add(words, word, new Candidate(directory.require(code), false, true)));
        rules.macros.forEach((word, code) -> add(words, word, new Candidate(directory.require(code), false, false)));
        PayloadTrie.PayloadTrieBuilder<Word> builder = PayloadTrie.builder();
        words.forEach((text, candidates) -> builder.addKeyword(text, new Word(text, List.copyOf(candidates), false)));
        for (String word : rules.blocked) {
            builder.addKeyword(word, new Word(word, List.of(), false));
        }
        for (String word : rules.nation) {
            builder.addKeyword(word, new Word(word, List.of(), true));
        }
        return new MentionDictionary(builder.build());
    }

    private static void add(Map<String, List<Candidate>> words, String text, Candidate candidate) {
        List<Candidate> candidates = words.computeIfAbsent(text, k -> new ArrayList<>());
        if (candidates.stream().noneMatch(c -> c.region().equals(candidate.region()))) {
            candidates.add(candidate);
        }
    }

    /** The parsed {@code tagger-rules.txt}. */
    private static final class Rules {
        final Set<String> blocked = new HashSet<>();
        final Set<String> context = new HashSet<>();
        final Set<String> dropped = new HashSet<>();
        final Set<String> nation = new HashSet<>();
        final Map<String, String> aliases = new HashMap<>();
        final Map<String, String> macros = new HashMap<>();

        static Rules load() {
            Rules rules = new Rules();
            var in = MentionDictionary.class.getClassLoader().getResourceAsStream("region/tagger-rules.txt");
            if (in == null) {
                throw new IllegalStateException("region/tagger-rules.txt 缺失");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    String[] parts = line.strip().split("\\s+");
                    if (parts[0].isEmpty() || parts[0].startsWith("#")) {
                        continue;
                    }
                    switch (parts[0]) {
                        case "block" -> rules.blocked.add(parts[1]);
                        case "context" -> rules.context.add(parts[1]);
                        case "drop" -> rules.dropped.add(parts[1] + " " + parts[2]);
                        case "nation" -> rules.nation.add(parts[1]);
                        case "alias" -> rules.aliases.put(parts[1], parts[2]);
                        case "macro" -> rules.macros.put(parts[1], parts[2]);
                        default -> throw new IllegalStateException("tagger-rules.txt: 未知规则 " + line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return rules;
        }
    }
}
