package org.shegong.digest.newsletter;

import org.shegong.system.LinkTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.shegong.system.web.AddressRateLimiter;
import org.shegong.system.web.MailSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Double opt-in subscription. The answer to a subscription request is the same whether the address is new,
 * pending or already confirmed, so the form does not reveal who subscribes; and a mailbox receives at most
 * a few confirmation mails a day however often the form is posted with its address.
 */
@Service
public class SubscriptionService implements MailSubscription {

    static final Duration CONFIRMATION_WINDOW = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);

    private final SubscriberRepository subscribers;
    private final NewsletterMails mails;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final NewsletterProperties properties;
    private final Clock clock;
    private final AddressRateLimiter perIp;
    /** Asked on every page (the footer offers the form): a bean lookup each time was measurable (issue 18). */
    private final Supplier<Boolean> configured;

    public SubscriptionService(SubscriberRepository subscribers, NewsletterMails mails,
                               ObjectProvider<JavaMailSender> mailSender, NewsletterProperties properties, Clock clock) {
        this.subscribers = subscribers;
        this.mails = mails;
        this.mailSender = mailSender;
        this.configured = SingletonSupplier.of(() -> mailSender.getIfAvailable() != null);
        this.properties = properties;
        this.clock = clock;
        this.perIp = new AddressRateLimiter(properties.subscribesPerIpPerHour(), Duration.ofHours(1));
    }

    /**
     * Whether confirmation mails can be sent at all: Spring Boot makes a mail sender only when
     * {@code spring.mail.host} is set, so without one the form is not offered (it could only answer 503).
     */
    public boolean mailConfigured() {
        return configured.get();
    }

    @Override
    public boolean offered() {
        return mailConfigured();
    }

    public Outcome subscribe(String rawEmail, String ip) {
        Optional<String> email = EmailAddresses.normalise(rawEmail);
        if (email.isEmpty()) {
            return Outcome.INVALID_ADDRESS;
        }
        if (!perIp.tryAcquire(ip)) {
            return Outcome.TOO_MANY_REQUESTS;
        }
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            log.warn("A subscription was refused: no SMTP server is configured (spring.mail.host)");
            return Outcome.MAIL_UNAVAILABLE;
        }
        Instant now = clock.instant();
        Subscriber subscriber = subscribers.findByEmail(email.get()).orElseGet(() -> {
            subscribers.insert(email.get(), LinkTokens.random(), now);
            return subscribers.findByEmail(email.get()).orElseThrow();
        });
        if (subscriber.status() == Subscriber.Status.CONFIRMED) {
            return Outcome.ACCEPTED;
        }
        if (subscriber.confirmSentAt() != null
                && now.isBefore(subscriber.confirmSentAt().plus(properties.confirmationInterval()))) {
            return Outcome.ACCEPTED;
        }
        Instant windowStart = subscriber.confirmWindowStart();
        int sends = subscriber.confirmSends();
        if (windowStart == null || !now.isBefore(windowStart.plus(CONFIRMATION_WINDOW))) {
            windowStart = now;
            sends = 0;
        }
        if (sends >= properties.confirmationsPerDay()) {
            return Outcome.ACCEPTED;
        }
        String token = LinkTokens.random();
        if (!subscribers.recordConfirmation(subscriber, LinkTokens.hash(token), now, windowStart, sends + 1)) {
            return Outcome.ACCEPTED;
        }
        try {
            sender.send(mails.confirmation(sender, email.get(), token));
            return Outcome.ACCEPTED;
        } catch (org.springframework.mail.MailException | jakarta.mail.MessagingException e) {
            log.warn("Confirmation mail to a subscriber could not be sent: {}", e.getMessage());
            return Outcome.MAIL_UNAVAILABLE;
        }
    }

    /** Confirms with the token of a confirmation link; returns the confirmed address. */
    public Optional<String> confirm(String token) {
        if (!LinkTokens.wellFormed(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return subscribers.confirm(LinkTokens.hash(token), now.minus(properties.confirmationValidity()), now);
    }

    /** Whether the token is a subscriber's unsubscribe token (to show the page before the button). */
    public Optional<Subscriber> byUnsubscribeToken(String token) {
        return LinkTokens.wellFormed(token) ? subscribers.findByUnsubscribeToken(token) : Optional.empty();
    }

    /** Unsubscribes the holder of the token; false for an unknown token (already unsubscribed is fine). */
    public boolean unsubscribe(String token) {
        Optional<Subscriber> subscriber = byUnsubscribeToken(token);
        if (subscriber.isEmpty()) {
            return false;
        }
        subscribers.unsubscribe(token, clock.instant());
        return true;
    }

    public long confirmedCount() {
        return subscribers.countConfirmed();
    }

    /** What a subscription request led to, as far as the reader may know. */
    public enum Outcome { ACCEPTED, INVALID_ADDRESS, TOO_MANY_REQUESTS, MAIL_UNAVAILABLE }
}
