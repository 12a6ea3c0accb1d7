package org.shegong.editorial.web;

import org.shegong.system.ControlCharacters;
import org.shegong.content.BodySanitizer;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.shegong.editorial.workflow.EditorialException;
import org.shegong.editorial.workflow.RevisionContent;
import org.shegong.content.Kind;
import org.shegong.system.Times;

/** The editor form as posted: strings as typed, turned into revision content with Chinese validation messages. */
public class ArticleForm {

    static final int MAX_BODY = 1_000_000;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private String title = "";
    private String subtitle = "";
    private String summary = "";
    private String body = "";
    private String source = "";
    private String author = "";
    private String editor = "";
    private String kind = "NEWS";
    private boolean featured;
    private Long primaryColumn;
    private List<Long> extraColumns = new ArrayList<>();
    private String tags = "";
    private String region = "";
    private String publishedAt = "";
    private int base;
    private String note = "";
    // Region tags live in org.shegong.region: the field as typed, as it was shown, and the tagger's suggestion.
    private String regions;
    private String regionsShown = "";
    private String regionSuggestion = "";
    private boolean regionsByPerson;
    private KindFieldsForm fields = new KindFieldsForm();

    public static ArticleForm of(RevisionContent c, int base) {
        ArticleForm form = new ArticleForm();
        form.title = c.title();
        form.subtitle = nz(c.subtitle());
        form.summary = nz(c.summary());
        form.body = nz(c.bodyHtml());
        form.source = nz(c.source());
        form.author = nz(c.author());
        form.editor = nz(c.editor());
        form.kind = c.kind().name();
        form.featured = c.featured();
        form.primaryColumn = c.primaryColumnId();
        form.extraColumns = new ArrayList<>(c.columnIds().subList(1, c.columnIds().size()));
        form.tags = String.join("，", c.tags());
        form.region = nz(c.region());
        form.publishedAt = c.publishedAt() == null ? "" : LOCAL.format(c.publishedAt().atZone(Times.CHINA));
        form.base = base;
        form.fields = KindFieldsForm.of(c.fields());
        return form;
    }

    /** The content to save; the body is sanitised here, so nothing unsafe reaches a revision. */
    public RevisionContent toContent() {
        String cleanTitle = limit(title, 300, "标题");
        if (cleanTitle == null) {
            throw invalid("请填写标题");
        }
        if (primaryColumn == null) {
            throw invalid("请选择栏目");
        }
        if (body != null && body.length() > MAX_BODY) {
            throw invalid("正文过长（不能超过 100 万字符）");
        }
        Set<Long> columns = new LinkedHashSet<>();
        columns.add(primaryColumn);
        columns.addAll(extraColumns);
        Kind parsedKind = Kind.parse(kind).orElseThrow(() -> invalid("稿件类型不正确"));
        return new RevisionContent(cleanTitle, limit(subtitle, 300, "副标题"), limit(summary, 1000, "摘要"),
                ControlCharacters.clean(BodySanitizer.sanitize(body)), limit(source, 200, "来源"), limit(author, 200, "作者"),
                limit(editor, 100, "责任编辑"), parsedKind, featured, List.copyOf(columns), parseTags(),
                limit(region, 100, "地区"), parseTime(publishedAt, "发布时间"), fields.toFields());
    }

    private List<String> parseTags() {
        if (tags == null || tags.isBlank()) {
            return List.of();
        }
        List<String> parsed = Arrays.stream(tags.split("[,，、;；\\s]+")).map(ControlCharacters::clean).map(String::strip)
                .filter(t -> !t.isEmpty())
                .distinct().toList();
        if (parsed.size() > 20 || parsed.stream().anyMatch(t -> t.length() > 64)) {
            throw invalid("标签最多 20 个，每个不超过 64 字");
        }
        return parsed;
    }

    /** A time typed in China Standard Time (datetime-local), or null when empty. */
    static Instant parseTime(String value, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(Times.CHINA).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(what + "格式不正确，请按 2025-03-01T09:30 填写");
        }
    }

    private static String limit(String value, int max, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = ControlCharacters.clean(value).strip();
        if (stripped.length() > max) {
            throw invalid(what + "不能超过 " + max + " 字");
        }
        return stripped;
    }

    private static EditorialException invalid(String message) {
        return new EditorialException(EditorialException.Kind.INVALID, message);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getSubtitle() { return subtitle; }
    public void setSubtitle(String subtitle) { this.subtitle = subtitle; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getAuthor() { return author; }
    public void setAuthor(String author) { this.author = author; }
    public String getEditor() { return editor; }
    public void setEditor(String editor) { this.editor = editor; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public boolean isFeatured() { return featured; }
    public void setFeatured(boolean featured) { this.featured = featured; }
    public Long getPrimaryColumn() { return primaryColumn; }
    public void setPrimaryColumn(Long primaryColumn) { this.primaryColumn = primaryColumn; }
    public List<Long> getExtraColumns() { return extraColumns; }
    public void setExtraColumns(List<Long> extraColumns) { this.extraColumns = extraColumns == null ? new ArrayList<>() : extraColumns; }
    public String getTags() { return tags; }
    public void setTags(String tags) { this.tags = tags; }
    /** Fills the region field from the stored tags, unless the form carries what the editor typed. */
    void showRegions(org.shegong.region.RegionField field) {
        if (regions == null) {
            regions = field.value();
            regionsShown = field.value();
        }
        regionSuggestion = field.suggestion();
        regionsByPerson = field.byPerson();
    }

    public String getRegions() { return regions == null ? "" : regions; }
    public void setRegions(String regions) { this.regions = regions; }
    public String getRegionsShown() { return regionsShown; }
    public void setRegionsShown(String regionsShown) { this.regionsShown = regionsShown == null ? "" : regionsShown; }
    public String getRegionSuggestion() { return regionSuggestion; }
    public boolean isRegionsByPerson() { return regionsByPerson; }

    public KindFieldsForm getFields() { return fields; }
    public void setFields(KindFieldsForm fields) { this.fields = fields == null ? new KindFieldsForm() : fields; }

    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getPublishedAt() { return publishedAt; }
    public void setPublishedAt(String publishedAt) { this.publishedAt = publishedAt; }
    public int getBase() { return base; }
    public void setBase(int base) { this.base = base; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
