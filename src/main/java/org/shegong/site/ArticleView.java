package org.shegong.site;

import org.shegong.system.web.Chrome;

import java.util.List;
import org.shegong.column.Column;
import org.shegong.content.Article;
import org.shegong.content.ArticleListItem;
import org.shegong.region.Place;

public record ArticleView(Chrome chrome, Article article, Column column, List<Column> path, long views,
                          ArticleListItem newer, ArticleListItem older, List<ArticleListItem> related,
                          String canonicalUrl, String description, String keywords, String bodyHtml,
                          String jsonLd, List<Place> regions, PopularBlock popular,
                          List<AnsweredQuestion> questions, ItemTypeView type) {
}
