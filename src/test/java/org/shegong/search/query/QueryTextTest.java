package org.shegong.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which words are all Chinese characters decides how a part is matched (words, bigrams, pinyin). */
class QueryTextTest {

    @Test
    void everyCodePointIsHanExactlyWhenItsScriptIs() {
        for (int c = 0; c <= 0x3FFFF; c++) {
            if (Character.isSurrogate((char) c) && c <= 0xFFFF) {
                continue;
            }
            boolean han = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
            assertThat(QueryText.allHan(Character.toString(c))).as("U+%04X", c).isEqualTo(han);
        }
    }

    @Test
    void aWordIsHanOnlyWhenEveryCharacterIs() {
        assertThat(QueryText.allHan("社会工作")).isTrue();
        assertThat(QueryText.allHan("𠀾社工")).as("beyond the basic plane").isTrue();
        assertThat(QueryText.allHan("。")).isFalse();
        assertThat(QueryText.allHan("社工a")).isFalse();
        assertThat(QueryText.allHan("社工，")).isFalse();
        assertThat(QueryText.allHan("ㄅ")).isFalse();
    }
}
