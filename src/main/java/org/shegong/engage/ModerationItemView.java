package org.shegong.engage;

/** One question for the moderator, with the answer being written and the reason a step was refused. */
public record ModerationItemView(Question question, String about, String answer, String error) {
}
