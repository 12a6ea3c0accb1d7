package org.shegong.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the highlighter marks, as a table: needles (folded, as queries are), a text, and the text with its matches
 * marked. Matching folds the text char by char (traditional, full-width, case), takes the longest needle at each
 * place, and passes over chars that only share a needle's first-char bit (社 is U+793E, > is U+003E).
 */
class HighlighterTest {

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            社工站          | 乡镇社工站建设                | 乡镇<mark>社工站</mark>建设
            社工站          | 鄉鎮社工站建設                | 鄉鎮<mark>社工站</mark>建設
            社会工作        | 發展社會工作事業              | 發展<mark>社會工作</mark>事業
            sgz             | ＳＧＺ 与 Sgz                 | <mark>ＳＧＺ</mark> 与 <mark>Sgz</mark>
            社工,社工站     | 社工站的社工                  | <mark>社工站</mark>的<mark>社工</mark>
            社工站          | >>社工>社工站>                | &gt;&gt;社工&gt;<mark>社工站</mark>&gt;
            社工站          | 社工                          | 社工
            社工站          | 末尾是社工站                  | 末尾是<mark>社工站</mark>
            社工            | 😀社工😀                       | 😀<mark>社工</mark>😀
            """)
    void marksWhatMatches(String needles, String text, String marked) {
        assertThat(Highlighter.of(List.of(needles.split(","))).highlight(text)).isEqualTo(marked);
    }
}
