package org.shegong.editorial.sensitive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.shegong.editorial.sensitive.AhoCorasick.Hit;

class AhoCorasickTest {

    @Test
    void findsOverlappingAndNestedWordsWithTheirPositions() {
        AhoCorasick matcher = new AhoCorasick(List.of("社工", "社工站", "工站", "he", "she", "his", "hers"));
        assertThat(matcher.find("大连社工站建设")).containsExactlyInAnyOrder(new Hit("社工", 2, 4),
                new Hit("社工站", 2, 5), new Hit("工站", 3, 5));
        assertThat(matcher.find("ushers")).extracting(Hit::word).containsExactlyInAnyOrder("she", "he", "hers");
        assertThat(matcher.find("SHE")).extracting(Hit::word).containsExactlyInAnyOrder("she", "he");
        assertThat(matcher.find("")).isEmpty();
        assertThat(new AhoCorasick(List.of()).find("任何文字")).isEmpty();
    }

    @Test
    void agreesWithANaiveSearchOnRandomTexts() {
        Random random = new Random(42);
        String alphabet = "社工站联动abAB";
        for (int round = 0; round < 200; round++) {
            List<String> words = new ArrayList<>();
            for (int w = 0; w < 5; w++) {
                words.add(randomText(random, alphabet, 1 + random.nextInt(3)));
            }
            String text = randomText(random, alphabet, 40);
            List<Hit> expected = new ArrayList<>();
            for (String word : words.stream().distinct().toList()) {
                for (int i = 0; i + word.length() <= text.length(); i++) {
                    if (text.substring(i, i + word.length()).equalsIgnoreCase(word)) {
                        expected.add(new Hit(word, i, i + word.length()));
                    }
                }
            }
            List<Hit> found = new AhoCorasick(words).find(text);
            // Words equal but for case are one word; compare positions and lengths.
            assertThat(found.stream().map(h -> h.start() + ":" + h.end()).sorted().toList())
                    .as("words %s in %s", words, text)
                    .isEqualTo(expected.stream().map(h -> h.start() + ":" + h.end()).distinct().sorted().toList());
        }
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
