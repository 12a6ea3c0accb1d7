package org.shegong.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The API's JSON, field by field. These names are the published contract (snake_case, documented in
 * /v3/api-docs): renaming one is a breaking change and needs /api/v2. Times are ISO-8601 with China's +08:00
 * offset; links are root-relative paths on this site. Absent values are null, never left out (the site's
 * Jackson default omits nulls), so every documented field is always there.
 */
final class ApiJson {

    private ApiJson() {
    }

    @Schema(name = "Column", description = "栏目（树的一个节点）")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ColumnNode(
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "栏目编号") long id,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "地址名，用作 articles 的 column 参数", example = "news") String slug,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "栏目名称", example = "行业动态") String name,
            @Schema(description = "栏目说明", types = {"string", "null"}) String description,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "栏目页地址") String url,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "可见的子栏目，按顺序") List<ColumnNode> children) {
    }

    @Schema(name = "ColumnTree", description = "可见栏目的树")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ColumnTree(@Schema(requiredMode = RequiredMode.REQUIRED) List<ColumnNode> columns) {
    }

    @Schema(name = "ArticleItem", description = "列表中的一篇文章（不含正文）")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ArticleItem(
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "文章编号") long id,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "标题") String title,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "列表摘要") String summary,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "类型", example = "news") String kind,
            @JsonProperty("kind_label") @Schema(requiredMode = RequiredMode.REQUIRED, description = "类型的中文名", example = "新闻") String kindLabel,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "主栏目的地址名", types = {"string", "null"}) String column,
            @JsonProperty("published_at") @Schema(requiredMode = RequiredMode.REQUIRED, description = "发布时间") OffsetDateTime publishedAt,
            @JsonProperty("updated_at") @Schema(requiredMode = RequiredMode.REQUIRED, description = "最后修改时间") OffsetDateTime updatedAt,
            @Schema(description = "来源", types = {"string", "null"}) String source,
            @Schema(description = "作者", types = {"string", "null"}) String author,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "文章页地址") String url) {
    }

    @Schema(name = "ArticlePage", description = "一页文章；next_cursor 为 null 时没有更多")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ArticlePage(
            @Schema(requiredMode = RequiredMode.REQUIRED) List<ArticleItem> items,
            @JsonProperty("next_cursor") @Schema(requiredMode = RequiredMode.REQUIRED, description = "下一页的 cursor 参数；没有下一页时为 null", types = {"string", "null"}) String nextCursor,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "本次请求的每页条数") int limit) {
    }

    @Schema(name = "MediaVariant", description = "图片的缩小副本")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MediaVariant(@Schema(requiredMode = RequiredMode.REQUIRED) int width,
                        @Schema(requiredMode = RequiredMode.REQUIRED) String url) {
    }

    @Schema(name = "Media", description = "正文引用的图片、附件或视频")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Media(
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "文件地址") String url,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "image、attachment 或 video") String kind,
            @JsonProperty("content_type") @Schema(requiredMode = RequiredMode.REQUIRED) String contentType,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "文件名") String name,
            @JsonProperty("size_bytes") @Schema(requiredMode = RequiredMode.REQUIRED, description = "字节数") long sizeBytes,
            @Schema(description = "图片宽度（像素）", types = {"integer", "null"}) Integer width,
            @Schema(description = "图片高度（像素）", types = {"integer", "null"}) Integer height,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "缩小副本，窄的在前") List<MediaVariant> variants) {
    }

    @Schema(name = "RegionRef", description = "文章涉及的地区")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record RegionRef(@Schema(requiredMode = RequiredMode.REQUIRED, description = "行政区划代码") String code,
                     @Schema(requiredMode = RequiredMode.REQUIRED) String name,
                     @Schema(requiredMode = RequiredMode.REQUIRED, description = "是否主要地区") boolean primary) {
    }

    @Schema(name = "Article", description = "一篇文章，含净化后的 HTML 正文和纯文本")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ArticleDetail(
            @Schema(requiredMode = RequiredMode.REQUIRED) long id,
            @Schema(requiredMode = RequiredMode.REQUIRED) String title,
            @Schema(description = "副标题", types = {"string", "null"}) String subtitle,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "摘要") String summary,
            @Schema(requiredMode = RequiredMode.REQUIRED) String kind,
            @JsonProperty("kind_label") @Schema(requiredMode = RequiredMode.REQUIRED) String kindLabel,
            @Schema(description = "来源", types = {"string", "null"}) String source,
            @Schema(description = "作者", types = {"string", "null"}) String author,
            @Schema(description = "责任编辑", types = {"string", "null"}) String editor,
            @JsonProperty("published_at") @Schema(requiredMode = RequiredMode.REQUIRED) OffsetDateTime publishedAt,
            @JsonProperty("updated_at") @Schema(requiredMode = RequiredMode.REQUIRED) OffsetDateTime updatedAt,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "主栏目的地址名", types = {"string", "null"}) String column,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "所在的全部栏目（地址名）") List<String> columns,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "标签") List<String> tags,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "地区，主要地区在前") List<RegionRef> regions,
            @Schema(requiredMode = RequiredMode.REQUIRED) String url,
            @JsonProperty("body_html") @Schema(requiredMode = RequiredMode.REQUIRED, description = "正文 HTML（已按白名单净化；无正文时为空字符串）") String bodyHtml,
            @JsonProperty("body_text") @Schema(requiredMode = RequiredMode.REQUIRED, description = "正文纯文本") String bodyText,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "正文引用的文件") List<Media> media) {
    }

    @Schema(name = "SearchHit", description = "一条搜索结果；title_html 和 snippet_html 只含 <mark> 标记")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SearchHitJson(
            @Schema(requiredMode = RequiredMode.REQUIRED) long id,
            @JsonProperty("title_html") @Schema(requiredMode = RequiredMode.REQUIRED) String titleHtml,
            @JsonProperty("snippet_html") @Schema(requiredMode = RequiredMode.REQUIRED) String snippetHtml,
            @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String column,
            @Schema(requiredMode = RequiredMode.REQUIRED) String kind,
            @JsonProperty("published_at") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}, format = "date-time") OffsetDateTime publishedAt,
            @Schema(requiredMode = RequiredMode.REQUIRED) String url) {
    }

    @Schema(name = "SearchResults", description = "一页搜索结果（与站内 /search 同一引擎和筛选）")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SearchResponse(
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "实际搜索的文字（清理和截断后）") String q,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "全部命中数") long total,
            @JsonProperty("total_is_lower_bound") @Schema(requiredMode = RequiredMode.REQUIRED, description = "为 true 时 total 是下限") boolean totalIsLowerBound,
            @Schema(requiredMode = RequiredMode.REQUIRED) int page,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "可翻的页数") int pages,
            @Schema(requiredMode = RequiredMode.REQUIRED) List<SearchHitJson> hits,
            @JsonProperty("partial_hits") @Schema(requiredMode = RequiredMode.REQUIRED, description = "第一页命中很少时：只含部分关键词的结果") List<SearchHitJson> partialHits,
            @Schema(description = "纠错或拼音识别出的文字", types = {"string", "null"}) String correction,
            @JsonProperty("correction_applied") @Schema(requiredMode = RequiredMode.REQUIRED, description = "为 true 时结果是 correction 的结果") boolean correctionApplied) {
    }

    @Schema(name = "DigestEntry", description = "一周动态的一条")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DigestEntryJson(
            @JsonProperty("article_id") @Schema(requiredMode = RequiredMode.REQUIRED) long articleId,
            @Schema(requiredMode = RequiredMode.REQUIRED) String title,
            @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String summary,
            @Schema(requiredMode = RequiredMode.REQUIRED) String url) {
    }

    @Schema(name = "DigestSection", description = "一周动态的一节")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DigestSectionJson(@Schema(requiredMode = RequiredMode.REQUIRED, example = "policy") String key,
                             @Schema(requiredMode = RequiredMode.REQUIRED, example = "政策参考") String title,
                             @Schema(requiredMode = RequiredMode.REQUIRED) List<DigestEntryJson> entries) {
    }

    @Schema(name = "Digest", description = "已发布的社会工作一周动态")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DigestJson(
            @Schema(requiredMode = RequiredMode.REQUIRED) long id,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "社会工作一周动态 (8.23-8.29)") String title,
            @JsonProperty("window_from") @Schema(requiredMode = RequiredMode.REQUIRED, description = "起始日（含）") LocalDate windowFrom,
            @JsonProperty("window_to") @Schema(requiredMode = RequiredMode.REQUIRED, description = "结束日（含）") LocalDate windowTo,
            @JsonProperty("published_at") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}, format = "date-time") OffsetDateTime publishedAt,
            @JsonProperty("article_id") @Schema(requiredMode = RequiredMode.REQUIRED, description = "一周动态文章的编号") long articleId,
            @Schema(requiredMode = RequiredMode.REQUIRED) String url,
            @Schema(requiredMode = RequiredMode.REQUIRED) String introduction,
            @Schema(requiredMode = RequiredMode.REQUIRED) List<DigestSectionJson> sections) {
    }

    @Schema(name = "DigestPage", description = "一页一周动态，结束日新的在前")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DigestPage(@Schema(requiredMode = RequiredMode.REQUIRED) List<DigestJson> items,
                      @JsonProperty("next_cursor") @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String nextCursor,
                      @Schema(requiredMode = RequiredMode.REQUIRED) int limit) {
    }

    @Schema(name = "Region", description = "行政区划或大区")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record RegionJson(
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "GB/T 2260 代码；全国为 000000；大区为英文词", example = "210000") String code,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "辽宁省") String name,
            @JsonProperty("short_name") @Schema(description = "简称", types = {"string", "null"}, example = "辽宁") String shortName,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "nation、macro、province、city 或 county") String level,
            @JsonProperty("parent_code") @Schema(description = "上级代码", types = {"string", "null"}) String parentCode) {
    }

    @Schema(name = "RegionList", description = "地区列表")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record RegionList(@Schema(requiredMode = RequiredMode.REQUIRED) List<RegionJson> regions) {
    }
}
