package org.shegong.site;

import java.time.Instant;

/** A reader's question with its public answer, as the article page shows it (never the reader's contact). */
public record AnsweredQuestion(String askerName, String title, String body, Instant askedAt, String answeredBy,
                               String answer, Instant answeredAt) {
}
