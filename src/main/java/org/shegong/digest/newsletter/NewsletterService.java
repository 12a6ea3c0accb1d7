package org.shegong.digest.newsletter;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** What the back office (issue 3) shows about a digest's mailing: progress by status, and the failures. */
@Service
public class NewsletterService {

    private final SendLogRepository sendLog;

    public NewsletterService(SendLogRepository sendLog) {
        this.sendLog = sendLog;
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
