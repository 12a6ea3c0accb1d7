package org.shegong.account;

import java.security.SecureRandom;

/** Generated passwords: 20 characters from an alphabet without look-alikes (0/O, 1/l/I), about 115 bits. */
final class RandomPasswords {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final String DIGITS = "23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomPasswords() {
    }

    static String generate() {
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 19; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        // One guaranteed digit, so a generated password always passes PasswordRules.
        password.insert(RANDOM.nextInt(20), DIGITS.charAt(RANDOM.nextInt(DIGITS.length())));
        return password.toString();
    }
}
