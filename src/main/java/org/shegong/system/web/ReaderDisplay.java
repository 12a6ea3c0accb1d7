package org.shegong.system.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A reader's display choice: 关怀模式 (适老化: larger text, higher contrast) and the text size, kept in one cookie
 * so it is remembered across pages without a session. A page is rendered for one of the few combinations, and the
 * page cache keeps one copy per combination (see docs/adr/0034).
 */
public record ReaderDisplay(boolean care, Size size) {

    public static final String COOKIE = "sg_display";
    public static final ReaderDisplay DEFAULT = new ReaderDisplay(false, Size.MEDIUM);

    /** Text size; medium is the site's normal size. */
    public enum Size {
        SMALL("small", "小"), MEDIUM("medium", "中"), LARGE("large", "大");

        private final String code;
        private final String label;

        Size(String code, String label) {
            this.code = code;
            this.label = label;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        static Size parse(String code) {
            for (Size size : values()) {
                if (size.code.equals(code)) {
                    return size;
                }
            }
            return null;
        }
    }

    /** The choice in a cookie value such as "care-large"; anything unknown is the default, never an error. */
    public static ReaderDisplay fromCookie(String value) {
        if (value == null || value.length() > 20) {
            return DEFAULT;
        }
        boolean care = value.startsWith("care-");
        Size size = Size.parse(care ? value.substring(5) : value);
        return size == null ? DEFAULT : new ReaderDisplay(care, size);
    }

    public String cookieValue() {
        return (care ? "care-" : "") + size.code();
    }

    public boolean isDefault() {
        return equals(DEFAULT);
    }

    /** What the page cache adds to a path for this choice: nothing for the default, so those keys stay paths. */
    public String cacheKeySuffix() {
        return isDefault() ? "" : " " + cookieValue();
    }

    /** Every non-default suffix, so evicting a path evicts all its copies. */
    public static List<String> variantSuffixes() {
        List<String> suffixes = new ArrayList<>();
        for (boolean care : new boolean[] {false, true}) {
            for (Size size : Size.values()) {
                ReaderDisplay display = new ReaderDisplay(care, size);
                if (!display.isDefault()) {
                    suffixes.add(display.cacheKeySuffix());
                }
            }
        }
        return List.copyOf(suffixes);
    }

    /** The classes of the page's html element; null for the default, so the template leaves the attribute out. */
    public String htmlClass() {
        String sizeClass = size == Size.MEDIUM ? "" : "fs-" + size.code();
        String classes = ((care ? "care " : "") + sizeClass).strip();
        return classes.isEmpty() ? null : classes;
    }

    public ReaderDisplay withCare(boolean care) {
        return new ReaderDisplay(care, size);
    }

    public ReaderDisplay withSize(Size size) {
        return new ReaderDisplay(care, size);
    }
}
