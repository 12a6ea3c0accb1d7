package org.shegong.digest.newsletter;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** What the back office (issue 3) shows about a digest's mailing: progress by status, and the failures. */
@Service
public class NewsletterService {

    private final SendLogRepository sendLog;
    private final SubscriberRepository subscribers;

    public NewsletterService(SendLogRepository sendLog, SubscriberRepository subscribers) {
        this.sendLog = sendLog;
        this.subscribers = subscribers;
    }

    /** Subscriber counts per status (PENDING, CONFIRMED, UNSUBSCRIBED). */
    public Map<String, Long> subscriberCounts() {
        return subscribers.countsByStatus();
    }

    /** Counts per status (PENDING, SENDING, SENT, FAILED, SKIPPED) for one digest. */
    public Map<String, Long> progress(long digestId) {
        return sendLog.counts(digestId);
    }

    /** Every mail of the digest that failed at least once, with its last error. */
    public List<SendFailure> failures(long digestId) {
        return sendLog.failures(digestId);
    }
}
