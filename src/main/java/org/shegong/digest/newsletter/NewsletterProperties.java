package org.shegong.digest.newsletter;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The newsletter ({@code shegong.newsletter.*}); the SMTP server itself is Spring's {@code spring.mail.*}.
 *
 * @param from                    the sender address (default noreply@ the base URL's host)
 * @param subscribesPerIpPerHour  subscription requests one IP address may make per hour
 * @param confirmationsPerDay     confirmation mails one address may receive per 24 hours
 * @param confirmationInterval    minimum time between two confirmation mails to one address
 * @param confirmationValidity    how long a confirmation link works
 * @param sendInterval            how often the send log is worked through
 * @param staleAfter              a mail claimed this long ago without being marked sent is retried
 * @param maxAttempts             attempts before a mail is marked failed
 */
@ConfigurationProperties("shegong.newsletter")
public record NewsletterProperties(String from, Integer subscribesPerIpPerHour, Integer confirmationsPerDay,
                                   Duration confirmationInterval, Duration confirmationValidity,
                                   Duration sendInterval, Duration staleAfter, Integer maxAttempts) {

    public NewsletterProperties {
        subscribesPerIpPerHour = subscribesPerIpPerHour == null ? 10 : subscribesPerIpPerHour;
        confirmationsPerDay = confirmationsPerDay == null ? 3 : confirmationsPerDay;
        confirmationInterval = confirmationInterval == null ? Duration.ofMinutes(10) : confirmationInterval;
        confirmationValidity = confirmationValidity == null ? Duration.ofDays(2) : confirmationValidity;
        sendInterval = sendInterval == null ? Duration.ofSeconds(30) : sendInterval;
        staleAfter = staleAfter == null ? Duration.ofMinutes(15) : staleAfter;
        maxAttempts = maxAttempts == null || maxAttempts < 1 ? 3 : maxAttempts;
    }

    public static NewsletterProperties defaults() {
        return new NewsletterProperties(null, null, null, null, null, null, null, null);
    }
}
