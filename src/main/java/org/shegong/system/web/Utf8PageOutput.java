package org.shegong.system.web;

import gg.jte.TemplateOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A page rendered into one growing byte array, text encoded to UTF-8 straight into it. jte's
 * {@code Utf8ByteOutput} keeps a list of chunks and encodes every piece of text with {@code String.getBytes}, which
 * makes a new array (two, for Chinese text: one three bytes a character, then the trimmed copy) for each of the
 * hundreds of pieces a page is written in: 54 KB of garbage for a 12 KB article page at 1,000,000 articles, where the
 * collector was already 28 % of the page's CPU (docs/adr/0080).
 *
 * <p>The bytes are exactly what {@code String.getBytes(UTF_8)} gives, a lone surrogate included ('?'); the property
 * test holds it to that.
 */
public final class Utf8PageOutput implements TemplateOutput {

    private byte[] buffer;
    private int size;

    public Utf8PageOutput(int initialCapacity) {
        buffer = new byte[Math.max(64, initialCapacity)];
    }

    @Override
    public void writeContent(String value) {
        writeContent(value, 0, value.length());
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        ensureRoom((endIndex - beginIndex) * 3); // at most three bytes a UTF-16 unit; a pair's four are two units
        byte[] out = buffer;
        int at = size;
        for (int i = beginIndex; i < endIndex; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                out[at++] = (byte) (0xE0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < endIndex
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                int code = Character.toCodePoint(c, value.charAt(++i));
                out[at++] = (byte) (0xF0 | code >> 18);
                out[at++] = (byte) (0x80 | code >> 12 & 0x3F);
                out[at++] = (byte) (0x80 | code >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | code & 0x3F);
            } else {
                out[at++] = '?'; // as the JDK's encoder replaces a surrogate without its other half
            }
        }
        size = at;
    }

    @Override
    public void writeBinaryContent(byte[] value) {
        ensureRoom(value.length);
        System.arraycopy(value, 0, buffer, size, value.length);
        size += value.length;
    }

    public int size() {
        return size;
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(buffer, 0, size);
    }

    /** The page, in an array of its exact length. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    private void ensureRoom(int more) {
        int needed = size + more;
        if (needed < 0) {
            throw new IllegalStateException("a page of more than 2 GB");
        }
        if (needed > buffer.length) {
            int doubled = (int) Math.min(Integer.MAX_VALUE - 8L, 2L * buffer.length);
            buffer = Arrays.copyOf(buffer, Math.max(needed, doubled));
        }
    }
}
