package org.shegong.engage;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text typed by readers (and organisations) into public forms. It is stored as plain text and always shown
 * escaped, with no auto-linking, so markup and links never become live; this class only tidies it, recognises a
 * contact and notices links so that a moderator can look twice.
 */
public final class ReaderText {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]");
    private static final Pattern LINK = Pattern.compile(
            "(?i)(\\b[a-z][a-z0-9+.-]*://|\\bwww\\.|\\b[a-z0-9-]+\\.(com|cn|net|org|top|xyz|info|cc|io|me|vip|site)\\b"
                    + "|<\\s*a\\b|href\\s*=)");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}\\.[A-Za-z]{2,24}");
    private static final Pattern PHONE = Pattern.compile("(\\+?86)?1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}");

    private ReaderText() {
    }

    /** Strips control and direction-override characters, unifies line ends, trims; null when nothing is left. */
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String text = CONTROL.matcher(raw.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("").strip();
        text = text.replaceAll("\\n{3,}", "\n\n");
        return text.isEmpty() ? null : text;
    }

    /** One line: every run of white space becomes one space. */
    public static String line(String raw) {
        String text = clean(raw);
        return text == null ? null : text.replaceAll("\\s+", " ");
    }

    public static boolean hasLink(String text) {
        return text != null && LINK.matcher(text).find();
    }

    /**
     * The contact in a canonical form (an email in lower case, a phone number as digits), so the per-contact
     * limit cannot be dodged by spelling; null when it is neither an email address nor a phone number.
     */
    public static String contact(String raw) {
        String text = line(raw);
        if (text == null || text.length() > 254) {
            return null;
        }
        if (EMAIL.matcher(text).matches()) {
            return text.toLowerCase(Locale.ROOT);
        }
        String digits = text.replaceAll("[\\s()（）]", "");
        if (PHONE.matcher(digits).matches()) {
            return digits.replace("-", "").replaceFirst("^\\+?86(?=1)", "");
        }
        return null;
    }
}
