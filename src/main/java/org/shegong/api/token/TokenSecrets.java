package org.shegong.api.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Token secrets: {@code sgp_} and 32 random bytes in base64url (43 characters). The prefix lets secret scanners and
 * people recognise a leaked token; 256 random bits make a plain SHA-256 safe to store (nobody can search that space,
 * so a slow password hash would only cost time on every request, see ADR 0050).
 */
public final class TokenSecrets {

    public static final String PREFIX = "sgp_";
    static final int LENGTH = PREFIX.length() + 43;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text can be a secret of ours at all (checked before any database read). */
    public static boolean wellFormed(String secret) {
        return secret != null && secret.length() == LENGTH && secret.startsWith(PREFIX)
                && secret.substring(PREFIX.length()).chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
                        || c >= '0' && c <= '9' || c == '-' || c == '_');
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What lists show to recognise a token: the prefix and the first four characters. */
    public static String hint(String secret) {
        return secret.substring(0, PREFIX.length() + 4);
    }
}
