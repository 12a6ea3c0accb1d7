package org.shegong.editorial.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Body HTML to diffable text: one line per block, inline markup dropped, images by their alt text. */
class RevisionTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            <p>社工站<b>正式</b>运营。</p>                                  | 社工站正式运营。
            <h2>标题</h2><p>第一段</p><p>第二段<br>换行</p>                 | 标题\\n第一段\\n第二段\\n换行
            <ul><li>甲</li><li>乙</li></ul>                                 | 甲\\n乙
            <table><tr><th>时间</th><td>地点</td></tr><tr><td>3月</td><td>北京</td></tr></table> | `时间 | 地点\\n3月 | 北京`
            <p>图：<img src="a.png" alt="揭牌仪式"></p><p>&lt;script&gt;</p> | 图：[图片：揭牌仪式]\\n<script>
            `<p>  多个   空格 </p><p> </p>`                                 | 多个 空格
            """)
    void extractsOneLinePerBlockEachEndingInALineBreak(String html, String expected) {
        assertThat(RevisionText.of(html)).isEqualTo(expected.replace("\\n", "\n") + "\n");
    }

    @org.junit.jupiter.api.Test
    void anEmptyBodyIsNoText() {
        assertThat(RevisionText.of(null)).isEmpty();
        assertThat(RevisionText.of("<p> </p>")).isEmpty();
    }
}
