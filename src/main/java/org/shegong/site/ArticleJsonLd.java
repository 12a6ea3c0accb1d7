package org.shegong.site;

import org.shegong.system.web.Chrome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shegong.column.Column;
import org.shegong.content.Article;
import org.shegong.system.Times;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schema.org NewsArticle of an article page. It goes into a {@code <script type="application/ld+json">}
 * element: data, not script, so the CSP does not block it; but the HTML parser ends the element at the first
 * "&lt;/", so that sequence (and the line separators JavaScript parsers reject) is escaped.
 */
final class ArticleJsonLd {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ArticleJsonLd() {
    }

    static String of(Article article, Column column, String canonicalUrl, String description, Chrome chrome,
                     ItemTypeView type) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "NewsArticle");
        data.put("mainEntityOfPage", typed("WebPage", "@id", canonicalUrl));
        data.put("headline", article.title());
        data.put("description", description);
        data.put("datePublished", Times.iso(article.publishedAt()));
        data.put("dateModified", Times.iso(article.updatedAt() == null ? article.publishedAt() : article.updatedAt()));
        data.put("articleSection", column.name());
        data.put("inLanguage", "zh-CN");
        if (!article.tags().isEmpty()) {
            data.put("keywords", String.join(",", article.tags()));
        }
        String author = article.author() != null ? article.author() : article.source();
        data.put("author", List.of(author != null
                ? typed("Person", "name", author)
                : typed("Organization", "name", chrome.siteName(), "url", chrome.baseUrl() + "/")));
        data.put("publisher", typed("Organization", "name", chrome.siteName(), "url", chrome.baseUrl() + "/"));
        ItemTypeJsonLd.add(data, article, type, chrome.baseUrl());
        return safeForScriptElement(JSON.writeValueAsString(data));
    }

    /**
     * A schema.org object whose keys keep the order written: {@code Map.of} iterates in an order randomized per JVM,
     * which gave the same article different bytes, and so a different strong ETag, on each node and after a restart.
     */
    static Map<String, Object> typed(String type, Object... namesAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("@type", type);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return object;
    }

    static String safeForScriptElement(String json) {
        return json.replace("</", "<\\/").replace("<!--", "<\\u0021--")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
