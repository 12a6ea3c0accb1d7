package org.shegong.digest.newsletter;

import org.shegong.system.backup.DeclaredPart;
import org.shegong.system.backup.ExportTable;
import org.springframework.stereotype.Component;

/** Subscribers (their unsubscribe links keep working) and the send log in the site archive (docs/adr/0052). */
@Component
class NewsletterSitePart extends DeclaredPart {

    NewsletterSitePart() {
        super("newsletter", 65,
                ExportTable.withId("newsletter_subscriber"),
                ExportTable.withId("newsletter_send"));
    }
}
