package org.shegong.engage;

import java.util.List;

/** The moderation queue: one state's questions, oldest first, with those waiting too long marked. */
public record ModerationQueueView(QuestionState state, List<Row> rows, int overdueDays, String notice) {

    public record Row(Question question, String about, boolean overdue) {
    }

    public static QuestionState[] states() {
        return QuestionState.values();
    }
}
