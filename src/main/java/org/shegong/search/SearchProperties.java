package org.shegong.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ranking weights and limits of the site search ({@code shegong.search.*}).
 *
 * @param titleBoost      weight of a match in the title
 * @param summaryBoost    weight of a match in the summary
 * @param bodyBoost       weight of a match in the body
 * @param phraseBoost     extra weight when the whole query occurs as one phrase (title and body)
 * @param synonymWeight   a synonym's match counts this fraction of the word's own
 * @param recencyWeight   at most this much is added for an article published now, half of it at {@code recencyPivot}
 * @param recencyPivot    the age at which the recency bonus is half its maximum
 * @param maxQueryLength  longer queries are cut to this many characters
 * @param maxQueryWords   words beyond this many are ignored
 * @param pageSize        results per page
 * @param maxPages        the deepest page offered (relevance search beyond it is noise)
 * @param indexThreads    analysis threads for a full rebuild
 */
@ConfigurationProperties("shegong.search")
public record SearchProperties(
        @DefaultValue("3.0") float titleBoost,
        @DefaultValue("1.5") float summaryBoost,
        @DefaultValue("1.0") float bodyBoost,
        @DefaultValue("2.0") float phraseBoost,
        @DefaultValue("0.6") float synonymWeight,
        @DefaultValue("1.0") float recencyWeight,
        @DefaultValue("365d") Duration recencyPivot,
        @DefaultValue("100") int maxQueryLength,
        @DefaultValue("12") int maxQueryWords,
        @DefaultValue("20") int pageSize,
        @DefaultValue("50") int maxPages,
        @DefaultValue("2") int indexThreads) {

    public SearchProperties {
        // Ranking needs a title match to be worth at least a summary match, and that at least a body match.
        if (!(titleBoost >= summaryBoost && summaryBoost >= bodyBoost && bodyBoost > 0)) {
            throw new IllegalArgumentException("shegong.search: title-boost >= summary-boost >= body-boost > 0 "
                    + "is required, got " + titleBoost + ", " + summaryBoost + ", " + bodyBoost);
        }
    }

    public static SearchProperties defaults() {
        return new SearchProperties(3.0f, 1.5f, 1.0f, 2.0f, 0.6f, 1.0f, Duration.ofDays(365), 100, 12, 20, 50, 2);
    }
}
