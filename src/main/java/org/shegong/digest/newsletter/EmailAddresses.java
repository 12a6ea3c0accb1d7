package org.shegong.digest.newsletter;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a subscription form accepts as an email address: one plain address, no name, no list, no tricks. */
public final class EmailAddresses {

    private static final Pattern PLAIN = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private EmailAddresses() {
    }

    /** The address, trimmed and lower-cased (one subscription per mailbox), or empty when it is not one. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String address = raw.strip();
        if (address.isEmpty() || address.length() > 254 || !PLAIN.matcher(address).matches()
                || address.contains("..") || address.startsWith(".") || address.contains(".@")) {
            return Optional.empty();
        }
        try {
            new InternetAddress(address, true).validate();
        } catch (AddressException e) {
            return Optional.empty();
        }
        return Optional.of(address.toLowerCase(Locale.ROOT));
    }
}
