package org.shegong.content;

import java.util.Locale;
import java.util.Optional;

/** What sort of item an article is; a kind's own fields (a notice's period, a policy's 文号) are {@link KindFields}. */
public enum Kind {
    NEWS("新闻"), NOTICE("公示公告"), INFOGRAPHIC("一图读懂"), POLICY("政策文件"), VIDEO("视频"), DIGEST("一周动态"),
    PHOTO("图片新闻");

    private final String label;

    Kind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Kind> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(NEWS);
        }
        for (Kind kind : values()) {
            if (kind.name().equalsIgnoreCase(value.trim()) || kind.label.equals(value.trim())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Seed items carry no kind; their titles say it the way the federation's editors write them. */
    public static Kind guessFromTitle(String title) {
        String t = title.toLowerCase(Locale.ROOT);
        if (t.startsWith("一图读懂")) {
            return INFOGRAPHIC;
        }
        if (t.contains("一周动态")) {
            return DIGEST;
        }
        if (t.contains("公示") || t.contains("公告")) {
            return NOTICE;
        }
        if (t.contains("短视频") || t.contains("视频")) {
            return VIDEO;
        }
        return NEWS;
    }
}
