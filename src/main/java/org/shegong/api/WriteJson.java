package org.shegong.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The write API's JSON (ADR 0050), in the same style as {@link ApiJson}: snake_case, nulls present, names that are a
 * contract. A draft is what the back office's editor holds: its newest revision and where it stands in review.
 */
final class WriteJson {

    private WriteJson() {
    }

    @Schema(name = "DraftInput", description = "新建稿件：栏目用地址名（第一个为主栏目），正文为 HTML（按编辑器的白名单净化）")
    record DraftInput(
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "标题（不超过 300 字）") String title,
            @Schema(description = "副标题", types = {"string", "null"}) String subtitle,
            @Schema(description = "摘要（不填则从正文生成）", types = {"string", "null"}) String summary,
            @JsonProperty("body_html") @Schema(description = "正文 HTML", types = {"string", "null"}) String bodyHtml,
            @Schema(description = "来源", types = {"string", "null"}) String source,
            @Schema(description = "作者", types = {"string", "null"}) String author,
            @Schema(description = "责任编辑", types = {"string", "null"}) String editor,
            @Schema(description = "类型：news、notice、infographic、policy、video、photo；默认 news", types = {"string", "null"}) String kind,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "栏目地址名，第一个为主栏目", example = "[\"news\"]") List<String> columns,
            @Schema(description = "标签（每个不超过 64 字，不含空格和逗号）", types = {"array", "null"}) List<String> tags) {
    }

    @Schema(name = "DraftUpdate", description = "修改稿件：整篇替换，base_revision 为修改所依据的版本号（不是最新版本时 409）")
    record DraftUpdate(
            @JsonProperty("base_revision") @Schema(requiredMode = RequiredMode.REQUIRED, description = "修改所依据的版本号（latest_revision）") Integer baseRevision,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "标题") String title,
            @Schema(types = {"string", "null"}) String subtitle,
            @Schema(types = {"string", "null"}) String summary,
            @JsonProperty("body_html") @Schema(types = {"string", "null"}) String bodyHtml,
            @Schema(types = {"string", "null"}) String source,
            @Schema(types = {"string", "null"}) String author,
            @Schema(types = {"string", "null"}) String editor,
            @Schema(types = {"string", "null"}) String kind,
            @Schema(requiredMode = RequiredMode.REQUIRED) List<String> columns,
            @Schema(types = {"array", "null"}) List<String> tags,
            @Schema(description = "修改说明", types = {"string", "null"}) String note) {

        DraftInput input() {
            return new DraftInput(title, subtitle, summary, bodyHtml, source, author, editor, kind, columns, tags);
        }
    }

    @Schema(name = "SubmitInput", description = "提交审核的说明（可省略整个请求体）")
    record SubmitInput(@Schema(description = "给审核人的说明", types = {"string", "null"}) String comment) {
    }

    @Schema(name = "Draft", description = "一篇稿件的最新版本和审核状态")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Draft(
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "稿件编号") long id,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "draft、in_review、rejected、approved、scheduled、live、withdrawn") String state,
            @JsonProperty("state_label") @Schema(requiredMode = RequiredMode.REQUIRED, description = "状态的中文名", example = "审核中") String stateLabel,
            @JsonProperty("review_level") @Schema(description = "审核中时等待的审核级（1 起）", types = {"integer", "null"}) Integer reviewLevel,
            @JsonProperty("latest_revision") @Schema(requiredMode = RequiredMode.REQUIRED, description = "最新版本号，修改时作为 base_revision") int latestRevision,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "是否已在网站上") boolean live,
            @Schema(requiredMode = RequiredMode.REQUIRED) String title,
            @Schema(types = {"string", "null"}) String subtitle,
            @Schema(types = {"string", "null"}) String summary,
            @JsonProperty("body_html") @Schema(types = {"string", "null"}) String bodyHtml,
            @Schema(types = {"string", "null"}) String source,
            @Schema(types = {"string", "null"}) String author,
            @Schema(types = {"string", "null"}) String editor,
            @Schema(requiredMode = RequiredMode.REQUIRED) String kind,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "栏目地址名，第一个为主栏目") List<String> columns,
            @Schema(requiredMode = RequiredMode.REQUIRED) List<String> tags,
            @JsonProperty("last_comment") @Schema(description = "最近的审核意见或说明", types = {"string", "null"}) String lastComment,
            @JsonProperty("updated_at") @Schema(requiredMode = RequiredMode.REQUIRED) OffsetDateTime updatedAt) {
    }

    @Schema(name = "DraftMedia", description = "上传并插入正文的文件，以及插入后的稿件")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DraftMedia(@Schema(requiredMode = RequiredMode.REQUIRED) ApiJson.Media media,
                      @Schema(requiredMode = RequiredMode.REQUIRED) Draft draft) {
    }
}
