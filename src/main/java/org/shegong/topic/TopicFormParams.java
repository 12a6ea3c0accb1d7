package org.shegong.topic;

/** The topic form's request parameters (bound by Spring MVC). */
public record TopicFormParams(String slug, String title, String bannerUrl, String introduction, String queryTag,
                              String queryKeyword, String visible) {

    TopicForm toForm() {
        return new TopicForm(slug, title, bannerUrl, introduction, queryTag, queryKeyword, visible != null);
    }
}
