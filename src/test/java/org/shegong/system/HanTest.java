package org.shegong.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shared "is it Chinese" test agrees with Unicode's script table everywhere, on whichever JDK runs it. */
class HanTest {

    @Test
    void everyCodePointIsHanExactlyWhenItsScriptIs() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            boolean han = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
            if (Han.is(c) != han) {
                assertThat(Han.is(c)).as("U+%04X", c).isEqualTo(han);
            }
        }
    }

    @Test
    void markRadicalsAndZeroAreHanKanaAndPunctuationAreNot() {
        assertThat(Han.is('々')).isTrue();
        assertThat(Han.is('〇')).as("二〇二六年").isTrue();
        assertThat(Han.is('⼈')).as("a Kangxi radical, as text copied from a PDF holds").isTrue();
        assertThat(Han.is('の')).isFalse();
        assertThat(Han.is('ㄅ')).isFalse();
        assertThat(Han.is('，')).isFalse();
        assertThat(Han.is('\uD840')).as("a lone high surrogate").isFalse();
    }

    @Test
    void aTextIsAllHanOnlyWhenEveryCharacterIs() {
        assertThat(Han.all("社会工作")).isTrue();
        assertThat(Han.all("𠀾社工")).as("beyond the basic plane").isTrue();
        assertThat(Han.all("。")).isFalse();
        assertThat(Han.all("社工a")).isFalse();
        assertThat(Han.all("社工，")).isFalse();
        assertThat(Han.all("社\uD840")).as("a broken pair").isFalse();
    }
}
