package org.shegong.engage;

import java.util.List;
import org.shegong.site.AnsweredQuestion;
import org.shegong.site.ArticleQuestions;
import org.springframework.stereotype.Service;

/** The public view of published questions: the article page's and the 咨询 list's. */
@Service
public class PublishedQuestions implements ArticleQuestions {

    private final QuestionRepository questions;

    PublishedQuestions(QuestionRepository questions) {
        this.questions = questions;
    }

    @Override
    public List<AnsweredQuestion> answered(long articleId, int limit) {
        return questions.published(articleId, null, 0, limit).stream().map(PublishedQuestions::shown).toList();
    }

    /** One page of the site-wide list, or of one column's list when {@code columnId} is given. */
    public List<AnsweredQuestion> page(Long columnId, int page, int size) {
        return questions.published(null, columnId, (page - 1) * size, size).stream()
                .map(PublishedQuestions::shown).toList();
    }

    public int count(Long columnId) {
        return questions.countPublished(columnId);
    }

    static AnsweredQuestion shown(Question q) {
        return new AnsweredQuestion(q.publicName(), q.title(), q.body(), q.createdAt(), q.answeredByName(), q.answer(),
                q.answeredAt());
    }
}
