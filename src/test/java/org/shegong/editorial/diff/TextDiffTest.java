package org.shegong.editorial.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The character diff as a table: old text, new text, expected markup (\n is a line break). */
class TextDiffTest {

    private static String unescape(String cell) {
        return cell == null ? "" : cell.replace("\\n", "\n");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            相同的标题              | 相同的标题               | 相同的标题
            社会工作                | 社区工作                 | 社<del>会</del><ins>区</ins>工作
                                    | 新增内容                 | <ins>新增内容</ins>
            删掉的内容              |                          | <del>删掉的内容</del>
            社工站揭牌              | 街道社工站正式揭牌       | <ins>街道</ins>社工站<ins>正式</ins>揭牌
            点赞👍好                | 点赞👎好                 | 点赞<del>👍</del><ins>👎</ins>好
            😀社工                  | 社工😀                   | <del>😀</del>社工<ins>😀</ins>
            2024年第3期             | 2025年第12期             | 202<del>4</del><ins>5</ins>年第<del>3</del><ins>12</ins>期
            社工Day活动             | 社工Week活动             | 社工<del>Day</del><ins>Week</ins>活动
            第5届CSWA年会           | 第6届CSWA年会            | 第<del>5</del><ins>6</ins>届CSWA年会
            <b>&甲                  | <i>&甲                   | &lt;<del>b</del><ins>i</ins>&gt;&amp;甲
            `"引号"`                 | `'引号'`                 | <del>&quot;</del><ins>'</ins>引号<del>&quot;</del><ins>'</ins>
            第一段\\n第二段         | 第一段\\n第二段改\\n第三段 | 第一段\\n第二段<ins>改\\n第三段</ins>
            甲\\n乙\\n丙            | 甲\\n丙                  | 甲\\n<del>乙\\n</del>丙
            """)
    void marksChangesCharacterByCharacterInRuns(String before, String after, String expected) {
        assertThat(DiffHtml.render(TextDiff.diff(unescape(before), unescape(after)))).isEqualTo(unescape(expected));
    }

    @Test
    void unchangedTextIsNotChangedAndEmptyIsEmpty() {
        assertThat(TextDiff.changed(TextDiff.diff("一样", "一样"))).isFalse();
        assertThat(TextDiff.changed(TextDiff.diff("一样", "不一样"))).isTrue();
        assertThat(TextDiff.diff(null, "")).isEmpty();
    }

    @Test
    void onRandomTextsBothSidesAreRebuiltAndTheSharedPartIsALongestCommonSubsequence() {
        Random random = new Random(7);
        String alphabet = "社会工作站区街道a1😀\n";
        int[] units = alphabet.codePoints().toArray();
        for (int round = 0; round < 300; round++) {
            String a = randomText(random, units, random.nextInt(40));
            String b = randomText(random, units, random.nextInt(40));
            List<TextDiff.Segment> segments = TextDiff.diff(a, b);
            StringBuilder old = new StringBuilder();
            StringBuilder fresh = new StringBuilder();
            int shared = 0;
            for (TextDiff.Segment s : segments) {
                if (s.kind() != TextDiff.Kind.INSERT) {
                    old.append(s.text());
                }
                if (s.kind() != TextDiff.Kind.DELETE) {
                    fresh.append(s.text());
                }
                if (s.kind() == TextDiff.Kind.EQUAL) {
                    shared += s.text().codePointCount(0, s.text().length());
                }
            }
            assertThat(old.toString()).isEqualTo(a);
            assertThat(fresh.toString()).isEqualTo(b);
            if (!a.contains("\n") && !b.contains("\n")) { // with lines, paragraphs are matched first
                assertThat(shared).as("%s / %s", a, b).isEqualTo(lcs(a.codePoints().toArray(), b.codePoints().toArray()));
            }
        }
    }

    @Test
    void aHugeRewriteIsShownAsReplacedInsteadOfTakingUnboundedMemory() {
        Random random = new Random(3);
        int[] units = "甲乙丙丁戊己庚辛".codePoints().toArray();
        String a = randomText(random, units, 6000);
        String b = randomText(random, units, 6000);
        List<TextDiff.Segment> segments = TextDiff.diff(a, b);
        assertThat(segments).containsExactly(new TextDiff.Segment(TextDiff.Kind.DELETE, a),
                new TextDiff.Segment(TextDiff.Kind.INSERT, b));
    }

    private static String randomText(Random random, int[] units, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(units[random.nextInt(units.length)]);
        }
        return text.toString();
    }

    private static int lcs(int[] a, int[] b) {
        int[][] table = new int[a.length + 1][b.length + 1];
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                table[i][j] = a[i - 1] == b[j - 1] ? table[i - 1][j - 1] + 1 : Math.max(table[i - 1][j], table[i][j - 1]);
            }
        }
        return table[a.length][b.length];
    }
}
