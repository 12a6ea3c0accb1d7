package org.shegong.editorial.workflow;

import org.shegong.account.Actor;

/**
 * Published (synchronously, inside the publishing transaction) when an editorial publish puts an article on the
 * site, so features that own more than the article (a digest and its newsletter) can follow without the
 * workflow knowing them. A listener that throws rolls the publish back.
 */
public record ArticleWentLive(long articleId, Actor actor) {
}
