package org.shegong.site;

import java.util.List;

/**
 * The published questions about an article. Implemented by the 互动交流 feature, which sits above the site: the
 * article page asks through this interface so the site does not depend on it.
 */
public interface ArticleQuestions {

    List<AnsweredQuestion> answered(long articleId, int limit);
}
