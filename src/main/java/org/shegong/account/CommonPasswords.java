package org.shegong.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The 30,000 most common passwords, refused when chosen. The list is the one zxcvbn (Dropbox) ships, from
 * leaked password sets, as packaged in the zxcvbn4j library (com.nulab-inc:zxcvbn, MIT licence); a test checks
 * that it is still at this place in the jar. A password matches when it is on the list ignoring case, or once
 * its digits are taken out ("Password123", "2024shegong") or its trailing digits and symbols ("qwerty!!").
 */
final class CommonPasswords {

    static final String RESOURCE = "com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";
    private static final int SHORTEST_STEM = 5;
    private static final Set<String> LIST = load();

    private CommonPasswords() {
    }

    static boolean isCommon(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        if (LIST.contains(lower)) {
            return true;
        }
        String withoutDigits = lower.replaceAll("\\p{Nd}", "");
        String withoutTail = lower.replaceAll("[\\p{Nd}\\p{P}\\p{S}\\s]+$", "");
        return stemIsCommon(withoutDigits) || stemIsCommon(withoutTail);
    }

    static int size() {
        return LIST.size();
    }

    private static boolean stemIsCommon(String stem) {
        return stem.length() >= SHORTEST_STEM && LIST.contains(stem);
    }

    private static Set<String> load() {
        InputStream in = CommonPasswords.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("The common-password list " + RESOURCE + " is missing from the classpath");
        }
        Set<String> list = new HashSet<>(40_000);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                String word = line.strip().toLowerCase(Locale.ROOT);
                if (!word.isEmpty()) {
                    list.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(list);
    }
}
