package org.shegong.topic;

import java.util.List;

/** The 专题 list with the form for a new one (entered holds what was typed when it was refused). */
public record TopicsView(List<Topic> topics, TopicForm entered, String error) {

    public TopicForm form() {
        return entered != null ? entered : new TopicForm("", "", null, null, null, null, true);
    }

    public static String value(String text) {
        return text == null ? "" : text;
    }
}
