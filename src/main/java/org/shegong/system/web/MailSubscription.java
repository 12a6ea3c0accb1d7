package org.shegong.system.web;

/**
 * Whether the footer may offer the newsletter. The kernel knows no mail: the digest feature provides this; without
 * it the offer is not shown.
 */
public interface MailSubscription {

    boolean offered();
}
