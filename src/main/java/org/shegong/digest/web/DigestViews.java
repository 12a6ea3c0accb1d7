package org.shegong.digest.web;

import java.util.List;
import java.util.Map;
import org.shegong.account.AdminChrome;
import org.shegong.digest.Digest;
import org.shegong.digest.DigestEntry;
import org.shegong.digest.newsletter.SendFailure;

/** What the digest and newsletter pages of the back office show (public for the precompiled templates). */
public final class DigestViews {

    private DigestViews() {
    }

    public record ListPage(AdminChrome chrome, List<Row> rows, String from, String to, String error, String notice) {
    }

    public record Row(Digest digest, int entries) {

        public String state() {
            return digest.isDraft() ? "草稿" : "已发布";
        }
    }

    public record EditPage(AdminChrome chrome, Digest digest, String stage, boolean editable, List<Section> sections,
                           String error, String notice) {
    }

    public record Section(String key, String title, List<Entry> entries) {
    }

    /** An entry with its position in the whole list, which the forms send back. */
    public record Entry(int index, DigestEntry entry, boolean first, boolean last) {
    }

    public record NewsletterPage(AdminChrome chrome, Map<String, Long> subscribers, List<Mailing> mailings) {

        public long subscribers(String status) {
            return subscribers.getOrDefault(status, 0L);
        }
    }

    public record Mailing(Digest digest, Map<String, Long> progress, List<SendFailure> failures) {

        public long count(String status) {
            return progress.getOrDefault(status, 0L);
        }

        /** Still to go: queued, or claimed by a sender that has not finished. */
        public long pending() {
            return count("PENDING") + count("SENDING");
        }
    }
}
