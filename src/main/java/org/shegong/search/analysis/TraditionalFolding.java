package org.shegong.search.analysis;

import com.ibm.icu.text.Transliterator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;

/**
 * Traditional → simplified, one char to one char, taken from ICU's maintained Traditional-Simplified transform
 * (the same data as its Unicode Han variant tables), plus the variant characters of {@code search/variants.txt}
 * that the transform leaves alone. ICU's transliterator costs microseconds a character, far too slow for indexing
 * bodies, so it runs once at start over every Han character in the basic plane (one call, a few hundred
 * milliseconds) and the result becomes a table; indexing and queries then fold by array lookup.
 * Conversions ICU does only as phrases or that turn one character into two are left out: offsets must stay valid.
 */
final class TraditionalFolding {

    private TraditionalFolding() {
    }

    static Map<Character, Character> table() {
        Map<Character, Character> map = new HashMap<>(fromIcu());
        map.putAll(variants());
        map.entrySet().removeIf(e -> e.getKey().equals(e.getValue()));
        return Map.copyOf(map);
    }

    private static Map<Character, Character> fromIcu() {
        StringBuilder all = new StringBuilder();
        for (char c = '\u3400'; c <= '\u9FFF'; c++) {
            all.append(c).append('\n');
        }
        for (char c = '\uF900'; c <= '\uFAFF'; c++) {
            all.append(c).append('\n');
        }
        String converted = Transliterator.getInstance("Traditional-Simplified").transliterate(all.toString());
        String[] from = all.toString().split("\n");
        String[] to = converted.split("\n", -1);
        Map<Character, Character> map = new HashMap<>();
        if (from.length > to.length) {
            throw new IllegalStateException("ICU Traditional-Simplified changed the line structure");
        }
        for (int i = 0; i < from.length; i++) {
            if (to[i].length() == 1 && to[i].charAt(0) != from[i].charAt(0)) {
                map.put(from[i].charAt(0), to[i].charAt(0));
            }
        }
        return map;
    }

    private static Map<Character, Character> variants() {
        Map<Character, Character> map = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("search/variants.txt").getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.length() == 3 && !line.startsWith("#")) {
                    map.put(line.charAt(0), line.charAt(2));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return map;
    }
}
