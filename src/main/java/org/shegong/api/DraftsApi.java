package org.shegong.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.shegong.account.Actor;
import org.shegong.account.Authorization;
import org.shegong.account.Permission;
import org.shegong.api.token.TokenCaller;
import org.shegong.editorial.workflow.ArticleWorkflow;
import org.shegong.editorial.workflow.RevisionContent;
import org.shegong.editorial.workflow.SaveRevisionAction;
import org.shegong.editorial.workflow.SubmitAction;
import org.shegong.editorial.workflow.WorkflowRecord;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The write API's drafts (ADR 0050): create, read, update with the base revision, submit for review. Each call runs
 * the back office's own actions ({@code SaveRevisionAction}, {@code SubmitAction}) as the token's actor, so the same
 * permissions, ownership rule (someone else's draft is 404), audit lines and revisions apply.
 */
@RestController
@Tag(name = "稿件写入")
@SecurityRequirement(name = OpenApiConfig.BEARER)
class DraftsApi {

    private final SaveRevisionAction save;
    private final SubmitAction submit;
    private final ArticleWorkflow workflow;
    private final DraftMapping mapping;
    private final Idempotency idempotency;
    private final JsonMapper json;

    DraftsApi(SaveRevisionAction save, SubmitAction submit, ArticleWorkflow workflow, DraftMapping mapping,
              Idempotency idempotency, JsonMapper json) {
        this.save = save;
        this.submit = submit;
        this.workflow = workflow;
        this.mapping = mapping;
        this.idempotency = idempotency;
        this.json = json;
    }

    static TokenCaller caller(HttpServletRequest request) {
        return (TokenCaller) request.getAttribute(TokenCaller.ATTRIBUTE);
    }

    /** The caller's actor, refused (403) when the token no longer grants any column. */
    static Actor actor(TokenCaller caller) {
        Authorization.require(caller.actor(), Permission.ARTICLES);
        return caller.actor();
    }

    @PostMapping(value = "/api/v1/drafts", consumes = "application/json", produces = "application/json")
    @Operation(summary = "新建稿件", description = "以令牌所有者的身份新建草稿（第 1 版），栏目须在令牌范围内且所有者现在仍有撰写权限。"
            + "带 Idempotency-Key 时，同一键的重试只会新建一篇，并返回第一次的答复。")
    @ApiResponse(responseCode = "201", description = "已新建；Location 为稿件地址",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WriteJson.Draft.class)))
    ResponseEntity<String> create(HttpServletRequest request,
                                  @Parameter(description = "幂等键（建议 UUID），24 小时内有效") @RequestHeader(value = Idempotency.HEADER, required = false) String key,
                                  @RequestBody WriteJson.DraftInput input) {
        TokenCaller caller = caller(request);
        String hash = DraftMapping.hash("POST /api/v1/drafts", json.writeValueAsBytes(input));
        return idempotency.run(caller, key, hash, () -> {
            Actor actor = actor(caller);
            RevisionContent content = mapping.content(input, null, 0);
            long id = save.create(actor, content);
            return new Idempotency.Answer(HttpStatus.CREATED, "/api/v1/drafts/" + id,
                    mapping.draft(workflow.visible(actor, id), content));
        });
    }

    @GetMapping(value = "/api/v1/drafts/{id}", produces = "application/json")
    @Operation(summary = "读取稿件", description = "最新版本和审核状态。令牌无权查看的稿件与不存在的一样是 404。")
    @ApiResponse(responseCode = "200", description = "稿件",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WriteJson.Draft.class)))
    ResponseEntity<String> read(HttpServletRequest request, @Parameter(description = "稿件编号") @PathVariable String id) {
        Actor actor = actor(caller(request));
        WorkflowRecord record = workflow.visible(actor, ApiParams.id("id", id));
        return ok(mapping.draft(record, workflow.content(record.articleId(), record.latestRevision())));
    }

    @PutMapping(value = "/api/v1/drafts/{id}", consumes = "application/json", produces = "application/json")
    @Operation(summary = "修改稿件", description = "整篇替换为新的一版。base_revision 须是读到的 latest_revision；"
            + "其间别人已保存过则 409，什么也不写入。审核中的稿件只有当前级的审核人可以修改。")
    @ApiResponse(responseCode = "200", description = "已保存为新版本",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WriteJson.Draft.class)))
    ResponseEntity<String> update(HttpServletRequest request, @Parameter(description = "稿件编号") @PathVariable String id,
                                  @RequestBody WriteJson.DraftUpdate input) {
        Actor actor = actor(caller(request));
        long articleId = ApiParams.id("id", id);
        WorkflowRecord before = workflow.visible(actor, articleId);
        if (input == null || input.baseRevision() == null || input.baseRevision() < 0) {
            throw ApiProblem.invalid("base_revision", "请提供 base_revision：修改所依据的版本号（读取稿件时的 latest_revision）");
        }
        RevisionContent previous = workflow.content(articleId, before.latestRevision());
        RevisionContent content = mapping.content(input.input(), previous, input.baseRevision());
        save.save(actor, articleId, input.baseRevision(), content, input.note());
        WorkflowRecord after = workflow.visible(actor, articleId);
        return ok(mapping.draft(after, workflow.content(articleId, after.latestRevision())));
    }

    @PostMapping(value = "/api/v1/drafts/{id}/submit", produces = "application/json")
    @Operation(summary = "提交审核", description = "把最新版本送到栏目的第一级审核，与后台的“提交审核”相同。")
    @ApiResponse(responseCode = "200", description = "已提交，state 为 in_review",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WriteJson.Draft.class)))
    ResponseEntity<String> submit(HttpServletRequest request, @Parameter(description = "稿件编号") @PathVariable String id,
                                  @RequestHeader(value = Idempotency.HEADER, required = false) String key,
                                  @RequestBody(required = false) WriteJson.SubmitInput input) {
        TokenCaller caller = caller(request);
        long articleId = ApiParams.id("id", id);
        String comment = input == null ? null : input.comment();
        String hash = DraftMapping.hash("POST /api/v1/drafts/" + articleId + "/submit", json.writeValueAsBytes(input));
        return idempotency.run(caller, key, hash, () -> {
            Actor actor = actor(caller);
            submit.submit(actor, articleId, comment);
            WorkflowRecord record = workflow.visible(actor, articleId);
            return new Idempotency.Answer(HttpStatus.OK, null,
                    mapping.draft(record, workflow.content(articleId, record.latestRevision())));
        });
    }

    private ResponseEntity<String> ok(WriteJson.Draft draft) {
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "no-store")
                .body(json.writeValueAsString(draft));
    }
}
