package org.shegong.topic;

import java.util.regex.Pattern;

/** A topic's fields as an editor typed them, checked and cleaned by {@link #checked()}. */
public record TopicForm(String slug, String title, String bannerUrl, String introduction, String queryTag,
                        String queryKeyword, boolean visible) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public TopicForm checked() {
        String s = slug == null ? "" : slug.strip();
        if (!SLUG.matcher(s).matches()) {
            throw new TopicException("地址名只能用小写字母、数字和连字符，以字母或数字开头，最多 64 个字符");
        }
        String t = blankToNull(title);
        if (t == null || t.length() > 100) {
            throw new TopicException("请填写专题名称（不超过 100 字）");
        }
        String intro = blankToNull(introduction);
        if (intro != null && intro.length() > 4000) {
            throw new TopicException("导语不能超过 4000 字");
        }
        String tag = blankToNull(queryTag);
        String keyword = blankToNull(queryKeyword);
        if (tag != null && tag.length() > 100 || keyword != null && keyword.length() > 100) {
            throw new TopicException("标签和关键词各不能超过 100 字");
        }
        return new TopicForm(s, t, ImageUrls.check(bannerUrl), intro, tag, keyword, visible);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
