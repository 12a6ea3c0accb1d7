package org.shegong.admin;

import org.shegong.editorial.web.ListedArticle;

import java.util.List;
import org.shegong.account.AdminChrome;

/**
 * The editor's start page: their own work, what waits for them, and what the site is about to show.
 *
 * @param mailMissing no mail server is configured, so the newsletter is not offered (said to administrators)
 * @param addressMismatch the address readers use while the public address is still the default (administrators),
 *                        or null
 * @param forwardingIgnoredFrom the first peer whose X-Forwarded-* headers were ignored (administrators), or null
 * @param proxyTrusted    whether forwarded headers are believed at all ({@code shegong.web.trust-proxy})
 */
public record DashboardView(AdminChrome chrome, List<ListedArticle> myDrafts, List<ListedArticle> waitingForMe,
                           List<ListedArticle> rejected, List<ListedArticle> scheduled,
                           List<ListedArticle> recentlyPublished, boolean mailMissing,
                           String addressMismatch, String forwardingIgnoredFrom, boolean proxyTrusted) {
}
