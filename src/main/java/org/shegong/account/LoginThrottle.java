package org.shegong.account;

import java.time.Duration;

/**
 * How often a login may be checked. Attempts are counted per client address and user name together (a
 * guesser at one account) and per client address (a guesser trying many names, or an office behind one
 * address, hence the larger allowance). The first attempts are free; after that each one must wait twice as
 * long as the one before, up to {@link Policy#longest}. There is no lock of the account itself: someone failing
 * on purpose from elsewhere slows down only their own address, never the real user (docs/adr/0020).
 */
public final class LoginThrottle {

    /** Guesses at one account from one address before the first wait. */
    public static final Policy ACCOUNT_AT_ADDRESS = new Policy(3, Duration.ofSeconds(5), Duration.ofMinutes(15));
    /** Attempts from one address, whatever the names, before the first wait. */
    public static final Policy ADDRESS = new Policy(20, Duration.ofSeconds(2), Duration.ofMinutes(15));

    private LoginThrottle() {
    }

    /** {@code free} attempts without wait; then {@code first}, doubling, at most {@code longest}. */
    public record Policy(int free, Duration first, Duration longest) {

        /** The wait after the {@code attempts}-th attempt counted as failed. */
        Duration delayAfter(int attempts) {
            if (attempts < free) {
                return Duration.ZERO;
            }
            Duration delay = first.multipliedBy(1L << Math.min(20, attempts - free));
            return delay.compareTo(longest) > 0 ? longest : delay;
        }
    }

    static String accountKey(String address, String username) {
        return "u|" + address + "|" + username;
    }

    static String addressKey(String address) {
        return "a|" + address;
    }

    static String waitMessage(Duration remaining) {
        long seconds = Math.max(1, remaining.toSeconds() + (remaining.toNanosPart() > 0 ? 1 : 0));
        return seconds < 120 ? "登录尝试过于频繁，请 " + seconds + " 秒后再试"
                : "登录尝试过于频繁，请 " + (seconds + 59) / 60 + " 分钟后再试";
    }
}
