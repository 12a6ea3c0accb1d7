package org.shegong.digest.newsletter;

import org.shegong.system.web.Chrome;

/**
 * The newsletter pages: the subscription form, the confirm and unsubscribe buttons, and their results.
 *
 * @param form        show the subscription form
 * @param action      where the page's single button posts (confirm/unsubscribe), or null
 * @param buttonLabel the label of that button
 */
public record NewsletterView(Chrome chrome, String heading, String message, String error, String email,
                             boolean form, String action, String buttonLabel, String csrfParameter,
                             String csrfToken) {
}
