package org.shegong.search;

import java.time.Instant;
import org.shegong.content.Kind;

/**
 * One result. {@code titleHtml} and {@code snippetHtml} are escaped text whose only markup is {@code <mark>}
 * around the matched words, so templates may output them unescaped.
 */
public record SearchHit(long articleId, String titleHtml, String snippetHtml, long primaryColumnId, Kind kind,
                        Instant publishedAt, float score) {
}
