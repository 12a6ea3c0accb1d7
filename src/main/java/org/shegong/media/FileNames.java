package org.shegong.media;

import java.text.Normalizer;

/**
 * The uploaded name, made safe to keep and to show: only its last path segment, no control or bidi characters,
 * no leading dots, at most 200 characters. It is never used as a path; it only names the download.
 */
public final class FileNames {

    private FileNames() {
    }

    public static String sanitise(String uploaded) {
        if (uploaded == null) {
            return "未命名文件";
        }
        String name = Normalizer.normalize(uploaded, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .forEach(clean::appendCodePoint);
        name = clean.toString().replace('"', '\'').strip().replaceFirst("^[.\\s]+", "");
        if (name.codePointCount(0, name.length()) > 200) {
            name = name.substring(0, name.offsetByCodePoints(0, 200));
        }
        return name.isEmpty() ? "未命名文件" : name;
    }
}
