package org.shegong.search.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Toneless pinyin readings of Chinese characters (pinyin4j's table, every reading of a polyphone: 长 is chang and
 * zhang), for readers who type pinyin with their input method off and for homophone typos (社工占 → 社工站).
 */
public final class Pinyin {

    /** Readings of a word combine per character; a word with many polyphones keeps this many spellings. */
    private static final int MAX_SPELLINGS = 16;
    private static final HanyuPinyinOutputFormat FORMAT = format();

    private Pinyin() {
    }

    private static HanyuPinyinOutputFormat format() {
        HanyuPinyinOutputFormat format = new HanyuPinyinOutputFormat();
        format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        format.setVCharType(HanyuPinyinVCharType.WITH_V);
        return format;
    }

    /** The character's readings, or none when it is not a Chinese character. */
    public static Set<String> readings(char c) {
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            return readings == null ? Set.of() : new LinkedHashSet<>(List.of(readings));
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether two characters can be read the same (占 and 站: zhan). */
    public static boolean homophones(char a, char b) {
        Set<String> first = readings(a);
        return readings(b).stream().anyMatch(first::contains);
    }

    /**
     * The word's spellings in full pinyin without spaces (shegongzhan) and as initials (sgz); empty when a
     * character has no reading (a Latin letter, a digit).
     */
    static Set<String> spellings(String word) {
        List<String> full = List.of("");
        List<String> initials = List.of("");
        for (char c : word.toCharArray()) {
            Set<String> readings = readings(c);
            if (readings.isEmpty()) {
                return Set.of();
            }
            full = combine(full, readings, false);
            initials = combine(initials, readings, true);
        }
        Set<String> all = new LinkedHashSet<>(full);
        all.addAll(initials);
        return all;
    }

    private static List<String> combine(List<String> prefixes, Set<String> readings, boolean initial) {
        List<String> out = new ArrayList<>();
        for (String prefix : prefixes) {
            for (String reading : readings) {
                String next = prefix + (initial ? reading.substring(0, 1) : reading);
                if (!out.contains(next) && out.size() < MAX_SPELLINGS) {
                    out.add(next);
                }
            }
        }
        return out;
    }
}
