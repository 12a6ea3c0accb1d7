package org.shegong.media;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Storage keys: 128 random bits in hex, spread over 256 prefixes ("ab/abcdef....jpg") so a directory never
 * holds millions of files. The only place a key's shape is defined and checked.
 */
public final class MediaKeys {

    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{2}/[0-9a-f]{32}(-[a-z0-9]{1,16})?\\.[a-z0-9]{2,5}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private MediaKeys() {
    }

    /** A fresh key ending in the (sniffed, never uploaded) extension. */
    public static String newKey(String extension) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String hex = HexFormat.of().formatHex(bytes);
        return hex.substring(0, 2) + "/" + hex + "." + extension;
    }

    /** The key of a derived file (a thumbnail, a size for srcset) of the original under {@code key}. */
    public static String variant(String key, String name, String extension) {
        int dot = key.lastIndexOf('.');
        return key.substring(0, dot) + "-" + name + "." + extension;
    }

    public static boolean isValid(String key) {
        return key != null && SHAPE.matcher(key).matches();
    }

    static String requireValid(String key) {
        if (!isValid(key)) {
            throw new IllegalArgumentException("Not a media key: " + key);
        }
        return key;
    }
}
