package org.shegong.content;

import java.time.Instant;
import java.util.List;
import org.shegong.system.ControlCharacters;

/**
 * Everything needed to create or replace an article, as an importer or an editor supplies it.
 * {@code bodyHtml} is already normalised and sanitised (see {@link BodyHtml}). Every text loses the control
 * characters no page, feed or sitemap may carry ({@link ControlCharacters}): imports and editors' saves both
 * pass here.
 */
public record ArticleInput(String externalId, String title, String subtitle, String summary, String bodyHtml,
                           String source, String author, String editor, Kind kind, boolean featured,
                           List<Long> columnIds, List<String> tags, String region, Instant publishedAt,
                           ArticleStatus status, KindFields fields) {

    /** An input without item-type fields. */
    public ArticleInput(String externalId, String title, String subtitle, String summary, String bodyHtml,
                        String source, String author, String editor, Kind kind, boolean featured,
                        List<Long> columnIds, List<String> tags, String region, Instant publishedAt,
                        ArticleStatus status) {
        this(externalId, title, subtitle, summary, bodyHtml, source, author, editor, kind, featured, columnIds, tags,
                region, publishedAt, status, KindFields.NONE);
    }

    public ArticleInput {
        fields = fields == null ? KindFields.NONE : fields;
        title = ControlCharacters.clean(title);
        subtitle = ControlCharacters.clean(subtitle);
        summary = ControlCharacters.clean(summary);
        bodyHtml = ControlCharacters.clean(bodyHtml);
        source = ControlCharacters.clean(source);
        author = ControlCharacters.clean(author);
        editor = ControlCharacters.clean(editor);
        region = ControlCharacters.clean(region);
        tags = tags == null ? List.of() : tags.stream().map(ControlCharacters::clean).toList();
        columnIds = List.copyOf(columnIds);
        tags = tags == null ? List.of() : List.copyOf(tags);
        if (columnIds.isEmpty()) {
            throw new IllegalArgumentException("an article needs at least one column");
        }
    }

    public long primaryColumnId() {
        return columnIds.get(0);
    }

    /** An input built by field name: a news item, a draft, with no optional field set, until told otherwise. */
    public static Builder builder(String title, List<Long> columnIds) {
        return new Builder(title, columnIds);
    }

    /** The fields by name, so no caller lines up fifteen positions with nulls. */
    public static final class Builder {

        private final String title;
        private final List<Long> columnIds;
        private String externalId;
        private String subtitle;
        private String summary;
        private String bodyHtml;
        private String source;
        private String author;
        private String editor;
        private Kind kind = Kind.NEWS;
        private boolean featured;
        private List<String> tags = List.of();
        private String region;
        private Instant publishedAt;
        private ArticleStatus status = ArticleStatus.DRAFT;
        private KindFields fields = KindFields.NONE;

        private Builder(String title, List<Long> columnIds) {
            this.title = title;
            this.columnIds = columnIds;
        }

        public Builder externalId(String value) {
            externalId = value;
            return this;
        }

        public Builder subtitle(String value) {
            subtitle = value;
            return this;
        }

        public Builder summary(String value) {
            summary = value;
            return this;
        }

        public Builder bodyHtml(String value) {
            bodyHtml = value;
            return this;
        }

        public Builder source(String value) {
            source = value;
            return this;
        }

        public Builder author(String value) {
            author = value;
            return this;
        }

        public Builder editor(String value) {
            editor = value;
            return this;
        }

        public Builder kind(Kind value) {
            kind = value;
            return this;
        }

        public Builder featured(boolean value) {
            featured = value;
            return this;
        }

        public Builder tags(List<String> value) {
            tags = value;
            return this;
        }

        public Builder region(String value) {
            region = value;
            return this;
        }

        public Builder publishedAt(Instant value) {
            publishedAt = value;
            return this;
        }

        public Builder status(ArticleStatus value) {
            status = value;
            return this;
        }

        public Builder fields(KindFields value) {
            fields = value;
            return this;
        }

        public ArticleInput build() {
            return new ArticleInput(externalId, title, subtitle, summary, bodyHtml, source, author, editor, kind,
                    featured, columnIds, tags, region, publishedAt, status, fields);
        }
    }
}
