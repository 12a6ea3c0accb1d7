package org.shegong.digest.newsletter;

import jakarta.mail.MessagingException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shegong.digest.DigestService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Works through the send log: claims a row (SENDING), sends the mail, marks it SENT. A mail the SMTP server
 * refuses is retried on later runs up to maxAttempts, then marked FAILED with the error. A row left in
 * SENDING by a process that died is retried once it is older than staleAfter; see docs/adr/0008 for why that
 * is at-least-once in one narrow window and never a lost mail.
 */
@Component
public class NewsletterSender {

    private static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(NewsletterSender.class);

    private final SendLogRepository sendLog;
    private final DigestService digests;
    private final NewsletterMails mails;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final NewsletterProperties properties;
    private final Clock clock;

    public NewsletterSender(SendLogRepository sendLog, DigestService digests, NewsletterMails mails,
                            ObjectProvider<JavaMailSender> mailSender, NewsletterProperties properties, Clock clock) {
        this.sendLog = sendLog;
        this.digests = digests;
        this.mails = mails;
        this.mailSender = mailSender;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${shegong.newsletter.send-interval:30s}",
            initialDelayString = "${shegong.newsletter.send-interval:30s}")
    public void scheduled() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender != null) {
            sendPending(sender);
        }
    }

    /** One pass through the log; returns how many mails were sent. */
    public synchronized int sendPending(JavaMailSender sender) {
        int requeued = sendLog.requeueStale(clock.instant().minus(properties.staleAfter()));
        if (requeued > 0) {
            log.warn("{} newsletter mails were claimed by a sender that stopped; they are sent again", requeued);
        }
        Map<Long, DigestService.Rendered> rendered = new HashMap<>();
        long after = 0;
        int sent = 0;
        while (true) {
            List<SendLogRepository.Pending> batch = sendLog.pending(after, BATCH);
            if (batch.isEmpty()) {
                return sent;
            }
            for (SendLogRepository.Pending mail : batch) {
                after = mail.id();
                if (mail.subscriberStatus() != Subscriber.Status.CONFIRMED) {
                    sendLog.markSkipped(mail.id());
                } else if (sendLog.claim(mail.id(), clock.instant())) {
                    sent += send(sender, mail, rendered.computeIfAbsent(mail.digestId(), digests::render)) ? 1 : 0;
                }
            }
        }
    }

    private boolean send(JavaMailSender sender, SendLogRepository.Pending mail, DigestService.Rendered digest) {
        try {
            sender.send(mails.digest(sender, digest, mail.email(), mail.unsubscribeToken()));
        } catch (MailException | MessagingException e) {
            boolean retry = mail.attempts() + 1 < properties.maxAttempts();
            sendLog.markFailed(mail.id(), e.getMessage(), retry);
            log.warn("Newsletter mail {} failed (attempt {}{}): {}", mail.id(), mail.attempts() + 1,
                    retry ? ", will retry" : ", giving up", e.getMessage());
            return false;
        }
        sendLog.markSent(mail.id(), clock.instant());
        return true;
    }
}
