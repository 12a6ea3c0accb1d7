package org.shegong.search.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.springframework.core.io.ClassPathResource;

/**
 * The sector vocabulary: words the analyzer keeps whole (社工站, 三社联动 …) and groups of synonyms. Defaults ship
 * in the jar ({@code search/dictionary.txt}, {@code search/synonyms.txt}); administrators extend them with files
 * of the same names under {@code ${shegong.data-dir}/search/}. Entries are normalised the way the analyzer
 * normalises text (traditional → simplified, full-width → half-width, lower case), so they match what it sees.
 */
public final class Lexicon {

    static final String DICTIONARY = "dictionary.txt";
    static final String SYNONYMS = "synonyms.txt";

    private final List<String> words;
    private final CharArraySet wordSet;
    private final CharArraySet prefixes;
    private final int maxLength;
    private final Map<String, List<String>> synonyms;
    private final List<List<String>> groups;
    /** Pinyin spellings → words, built on the first pinyin query (a few hundred words: milliseconds). */
    private volatile Map<String, List<String>> bySpelling;

    private Lexicon(Collection<String> words, List<List<String>> groups) {
        this(words, groups, true);
    }

    /** {@code synonymsAreWords}: whether synonyms join the dictionary (only when texts are analysed again). */
    private Lexicon(Collection<String> words, List<List<String>> groups, boolean synonymsAreWords) {
        Set<String> all = new LinkedHashSet<>();
        for (String word : words) {
            String w = TextNormaliser.normalise(word.strip());
            if (w.length() >= 2) {
                all.add(w);
            }
        }
        Map<String, List<String>> map = new HashMap<>();
        for (List<String> group : groups) {
            List<String> normalised = group.stream().map(s -> TextNormaliser.normalise(s.strip()))
                    .filter(s -> !s.isEmpty()).distinct().toList();
            for (String word : normalised) {
                List<String> others = map.computeIfAbsent(word, k -> new ArrayList<>());
                normalised.stream().filter(o -> !o.equals(word) && !others.contains(o)).forEach(others::add);
            }
            // A synonym is only found as a whole if the analyzer keeps it whole.
            if (synonymsAreWords) {
                normalised.stream().filter(s -> s.length() >= 2).forEach(all::add);
            }
        }
        this.words = List.copyOf(all);
        this.wordSet = new CharArraySet(all, false);
        this.prefixes = new CharArraySet(all.size() * 4, false);
        int max = 0;
        for (String word : all) {
            max = Math.max(max, word.length());
            for (int i = 1; i < word.length(); i++) {
                prefixes.add(word.substring(0, i));
            }
        }
        this.maxLength = max;
        map.replaceAll((k, v) -> List.copyOf(v));
        this.synonyms = Map.copyOf(map);
        this.groups = List.copyOf(groups);
    }

    /**
     * This dictionary with {@code other}'s synonyms: synonyms are used by queries only, so an editor's change
     * applies at once, while dictionary words wait for the rebuild that analyses texts with them. A synonym the
     * index does not keep whole is searched as a phrase meanwhile.
     */
    public Lexicon withSynonymsOf(Lexicon other) {
        return new Lexicon(words, other.groups, false);
    }

    public static Lexicon of(Collection<String> words, List<List<String>> synonymGroups) {
        return new Lexicon(words, synonymGroups);
    }

    /** The shipped defaults plus the administrator's files under {@code directory}, when present. */
    public static Lexicon load(Path directory) {
        return load(directory, List.of(), List.of());
    }

    /** The defaults, the files under {@code directory}, and the editors' words and groups ("a,b,c"). */
    static Lexicon load(Path directory, List<String> extraWords, List<String> extraGroups) {
        List<String> words = new ArrayList<>(lines(resource(DICTIONARY)));
        List<List<String>> groups = new ArrayList<>(groups(lines(resource(SYNONYMS))));
        if (directory != null) {
            words.addAll(lines(file(directory.resolve(DICTIONARY))));
            groups.addAll(groups(lines(file(directory.resolve(SYNONYMS)))));
        }
        words.addAll(extraWords);
        groups.addAll(groups(extraGroups));
        return new Lexicon(words, groups);
    }

    /** Length of the longest dictionary word starting at {@code from} in {@code text[from, end)}, or 0. */
    int longestWordAt(char[] text, int from, int end) {
        int longest = 0;
        int limit = Math.min(end - from, maxLength);
        for (int length = 1; length <= limit; length++) {
            if (wordSet.contains(text, from, length)) {
                longest = length;
            }
            if (!prefixes.contains(text, from, length)) {
                break;
            }
        }
        return longest >= 2 ? longest : 0;
    }

    public boolean isWord(String word) {
        return wordSet.contains(word);
    }

    /** Other words that mean the same as {@code word} (normalised), or none. */
    public List<String> synonymsOf(String word) {
        return synonyms.getOrDefault(word, List.of());
    }

    public List<String> words() {
        return words;
    }

    /** Dictionary words that start with {@code prefix}, shortest first, for autocomplete. */
    public List<String> wordsStartingWith(String prefix, int limit) {
        String p = TextNormaliser.normalise(prefix);
        return words.stream().filter(w -> w.startsWith(p) && !w.equals(p))
                .sorted(Comparator.comparingInt(String::length)).limit(limit).toList();
    }

    /**
     * Dictionary words that share at least two characters with {@code text}, most shared first: suggestions
     * for a query that found nothing (a typo such as 社工占 still shares 社 and 工 with 社工站).
     */
    public List<String> wordsSharingCharacters(String text, int limit) {
        String t = TextNormaliser.normalise(text);
        record Scored(String word, int shared) {
        }
        return words.stream()
                .filter(w -> !w.equals(t))
                .map(w -> new Scored(w, (int) w.chars().distinct().filter(c -> t.indexOf(c) >= 0).count()))
                .filter(s -> s.shared() >= 2)
                .sorted(Comparator.comparingInt(Scored::shared).reversed()
                        .thenComparingInt(s -> Math.abs(s.word().length() - t.length())))
                .limit(limit).map(Scored::word).toList();
    }

    /**
     * Dictionary words spelled {@code latin} in full pinyin or initials (shegongzhan, sgz → 社工站; spaces and
     * case ignored), shortest first.
     */
    public List<String> wordsSpelled(String latin) {
        Map<String, List<String>> map = bySpelling;
        if (map == null) {
            Map<String, List<String>> built = new HashMap<>();
            for (String word : words) {
                for (String spelling : Pinyin.spellings(word)) {
                    built.computeIfAbsent(spelling, k -> new ArrayList<>()).add(word);
                }
            }
            built.replaceAll((k, v) -> v.stream().sorted(Comparator.comparingInt(String::length)).toList());
            bySpelling = map = Map.copyOf(built);
        }
        return map.getOrDefault(latin.replace(" ", "").toLowerCase(java.util.Locale.ROOT), List.of());
    }

    private static List<List<String>> groups(List<String> lines) {
        return lines.stream().map(line -> List.of(line.split("[,，]"))).toList();
    }

    static List<String> lines(InputStream in) {
        if (in == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    lines.add(trimmed);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    private static InputStream resource(String name) {
        try {
            return new ClassPathResource("search/" + name).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("missing search resource " + name, e);
        }
    }

    static InputStream file(Path path) {
        try {
            return Files.isRegularFile(path) ? Files.newInputStream(path) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
