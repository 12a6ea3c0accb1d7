package org.shegong.search.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.shegong.search.analysis.Lexicon;
import org.shegong.search.analysis.Pinyin;
import org.shegong.search.analysis.TextNormaliser;
import org.shegong.system.Han;

/**
 * Texts a reader may have meant, from the sector dictionary (its words and synonyms): a homophone typo
 * (社工占 → 社工站: 占 and 站 are both zhan), a one-character slip in a longer word (乡镇社工战 → 乡镇社工站), or
 * dictionary words typed in pinyin (shegongzhan, sgz → 社工站). The caller keeps the first that finds something.
 */
final class Corrections {

    /** A word this long or longer may have any one character wrong; shorter ones only a homophone. */
    private static final int ANY_SLIP_FROM = 4;

    private Corrections() {
    }

    /** The query with one window replaced by a dictionary word it nearly spells, best first. */
    static List<String> typos(String query, Lexicon lexicon, int limit) {
        String text = TextNormaliser.normalise(query);
        record Candidate(String text, boolean homophone, int length) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (String word : lexicon.words()) {
            int length = word.length();
            if (length < 2 || !Han.all(word)) {
                continue;
            }
            for (int i = 0; i + length <= text.length(); i++) {
                int slip = slip(text, i, word);
                if (slip < 0 || lexicon.isWord(text.substring(i, i + length))) {
                    continue;
                }
                boolean homophone = Pinyin.homophones(text.charAt(i + slip), word.charAt(slip));
                if (homophone || length >= ANY_SLIP_FROM) {
                    candidates.add(new Candidate(text.substring(0, i) + word + text.substring(i + length), homophone,
                            length));
                }
            }
        }
        Set<String> best = new LinkedHashSet<>();
        candidates.stream().sorted(Comparator.comparing(Candidate::homophone).reversed()
                        .thenComparing(Comparator.comparingInt(Candidate::length).reversed()))
                .forEach(c -> best.add(c.text()));
        return best.stream().limit(limit).toList();
    }

    /** Where {@code text[from, from + word.length)} differs from {@code word} in exactly one Han character, or -1. */
    private static int slip(String text, int from, String word) {
        int at = -1;
        for (int j = 0; j < word.length(); j++) {
            char c = text.charAt(from + j);
            if (c != word.charAt(j)) {
                if (at >= 0 || !Han.is(c)) {
                    return -1;
                }
                at = j;
            }
        }
        return at;
    }

    /**
     * The query with each space-separated piece replaced by a dictionary word it spells in pinyin, when every
     * piece spells one and the query has no Chinese characters; the words of several readings come shortest first.
     */
    static List<String> pinyin(String query, Lexicon lexicon, int limit) {
        if (query.codePoints().anyMatch(Han::is)) {
            return List.of();
        }
        String joined = query.replaceAll("\\s+", "");
        if (!joined.equals(query.strip()) && !spelled(joined, lexicon).isEmpty()) {
            return spelled(joined, lexicon).stream().limit(limit).toList(); // Tuopin Gongjian: one word in two pieces
        }
        List<List<String>> pieces = new ArrayList<>();
        for (String piece : query.strip().split("\\s+")) {
            List<String> words = spelled(piece, lexicon);
            if (words.isEmpty()) {
                return List.of();
            }
            pieces.add(words);
        }
        // One text for each reading of the first piece (sgz may be 社工站 or 社工组), the rest at their first word.
        List<String> texts = new ArrayList<>();
        for (String first : pieces.get(0)) {
            StringBuilder text = new StringBuilder(first);
            pieces.stream().skip(1).forEach(words -> text.append(' ').append(words.get(0)));
            texts.add(text.toString());
            if (texts.size() >= limit) {
                break;
            }
        }
        return texts;
    }

    private static List<String> spelled(String latin, Lexicon lexicon) {
        return latin.chars().allMatch(c -> c < 128 && Character.isLetter(c)) ? lexicon.wordsSpelled(latin) : List.of();
    }
}
