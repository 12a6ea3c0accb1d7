package org.shegong.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** The page output's bytes are the JDK's UTF-8 bytes for the same text, however the page is cut into pieces. */
class Utf8PageOutputTest {

    @Property(tries = 2000)
    void piecesEncodeAsTheJdkDoes(@ForAll("pieces") List<String> pieces, @ForAll("capacities") int capacity) {
        Utf8PageOutput output = new Utf8PageOutput(capacity);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (String piece : pieces) {
            output.writeContent(piece);
            expected.writeBytes(piece.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(output.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(output.size()).isEqualTo(expected.size());
    }

    /** jte's HTML escaping writes the text between the characters it escapes as ranges of one string. */
    @Property(tries = 2000)
    void aRangeEncodesAsItsSubstring(@ForAll("texts") String text, @ForAll("capacities") int capacity) {
        int begin = text.length() / 3;
        int end = text.length() - text.length() / 4;
        Utf8PageOutput output = new Utf8PageOutput(capacity);
        output.writeContent(text, begin, end);
        assertThat(output.toByteArray()).isEqualTo(text.substring(begin, end).getBytes(StandardCharsets.UTF_8));
    }

    @Example
    void templatesConstantBytesAreCopiedAsTheyAre() throws Exception {
        Utf8PageOutput output = new Utf8PageOutput(4);
        output.writeBinaryContent("<h1>".getBytes(StandardCharsets.UTF_8));
        output.writeContent("社工站 ·😀");
        output.writeBinaryContent("</h1>".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(output.toByteArray(), StandardCharsets.UTF_8)).isEqualTo("<h1>社工站 ·😀</h1>");
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        output.writeTo(written);
        assertThat(written.toByteArray()).isEqualTo(output.toByteArray());
    }

    @Example
    void aSurrogateWithoutItsOtherHalfBecomesAQuestionMark() {
        Utf8PageOutput output = new Utf8PageOutput(64);
        output.writeContent("a\uD83Db\uDE00c\uD83D");
        assertThat(output.toByteArray()).isEqualTo("a?b?c?".getBytes(StandardCharsets.UTF_8));
        // A pair cut by the end of a range is two halves, each alone, as in the substring.
        output = new Utf8PageOutput(64);
        output.writeContent("x😀y", 0, 2);
        assertThat(output.toByteArray()).isEqualTo("x?".getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<List<String>> pieces() {
        return texts().list().ofMaxSize(40);
    }

    /** ASCII markup, Chinese, two- and four-byte characters, and surrogates on their own. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.chars().range(' ', '~')),
                Tuple.of(5, Arbitraries.chars().range('\u4e00', '\u9fa5')),
                Tuple.of(2, Arbitraries.chars().range('\u0080', '\u07ff')),
                Tuple.of(2, Arbitraries.chars().range('\uD800', '\uDFFF')),
                Tuple.of(1, Arbitraries.chars().range('\uE000', '\uFFFF')));
        Arbitrary<String> emoji = Arbitraries.integers().between(0x1F300, 0x1FAFF).map(Character::toString);
        return Arbitraries.oneOf(chars.map(String::valueOf), emoji).list().ofMaxSize(300)
                .map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<Integer> capacities() {
        return Arbitraries.integers().between(0, 4096);
    }
}
