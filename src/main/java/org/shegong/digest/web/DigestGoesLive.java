package org.shegong.digest.web;

import org.shegong.editorial.workflow.ArticleWentLive;
import org.shegong.digest.DigestService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the editorial workflow publishes a digest's article, the digest becomes published and its newsletter
 * goes out. Runs inside the publishing transaction, so a digest never goes live without its mailing queued.
 */
@Component
class DigestGoesLive {

    private final DigestService digests;

    DigestGoesLive(DigestService digests) {
        this.digests = digests;
    }

    @EventListener
    void on(ArticleWentLive event) {
        digests.articleWentLive(event.articleId());
    }
}
