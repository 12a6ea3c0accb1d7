package org.shegong.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.shegong.account.Actor;
import org.shegong.account.Authorization;
import org.shegong.account.Permission;
import org.shegong.api.token.TokenCaller;
import org.shegong.content.BodyHtml;
import org.shegong.editorial.workflow.ArticleWorkflow;
import org.shegong.editorial.workflow.EditConflictException;
import org.shegong.editorial.workflow.RevisionContent;
import org.shegong.editorial.workflow.SaveRevisionAction;
import org.shegong.editorial.workflow.WorkflowRecord;
import org.shegong.media.MediaFile;
import org.shegong.media.MediaKind;
import org.shegong.media.MediaService;
import org.shegong.media.MediaUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/drafts/{id}/media}: uploads a file through the media feature (type by content, size limits,
 * quota, pictures re-encoded) as the token's owner, and saves a new revision of the draft with the file at the end of
 * the body (a picture shown, anything else a link), root-relative like every stored link. The upload is stored only
 * after the draft is known to be the caller's to edit; if the revision cannot be saved the file is removed again.
 */
@RestController
@Tag(name = "稿件写入")
@SecurityRequirement(name = OpenApiConfig.BEARER)
class DraftMediaApi {

    private static final Logger log = LoggerFactory.getLogger(DraftMediaApi.class);

    private final MediaService media;
    private final SaveRevisionAction save;
    private final ArticleWorkflow workflow;
    private final DraftMapping mapping;
    private final Idempotency idempotency;

    DraftMediaApi(MediaService media, SaveRevisionAction save, ArticleWorkflow workflow, DraftMapping mapping,
                  Idempotency idempotency) {
        this.media = media;
        this.save = save;
        this.workflow = workflow;
        this.mapping = mapping;
        this.idempotency = idempotency;
    }

    @PostMapping(value = "/api/v1/drafts/{id}/media", consumes = "multipart/form-data", produces = "application/json")
    @Operation(summary = "上传文件并插入稿件", description = "multipart/form-data：file 为文件，alt 为图片说明（可选），"
            + "base_revision（可选）为所依据的版本号。文件按内容识别类型、按类型限制大小，图片重新编码；插入正文末尾，保存为新版本。")
    @ApiResponse(responseCode = "201", description = "已上传并保存为新版本",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WriteJson.DraftMedia.class)))
    ResponseEntity<String> attach(HttpServletRequest request, @Parameter(description = "稿件编号") @PathVariable String id,
                                  @RequestHeader(value = Idempotency.HEADER, required = false) String key,
                                  @RequestPart("file") MultipartFile file,
                                  @RequestParam(value = "alt", required = false) String alt,
                                  @RequestParam(value = "base_revision", required = false) String baseRevision)
            throws IOException {
        TokenCaller caller = DraftsApi.caller(request);
        Actor actor = DraftsApi.actor(caller);
        Authorization.require(actor, Permission.MEDIA);
        long articleId = ApiParams.id("id", id);
        WorkflowRecord record = workflow.visible(actor, articleId);
        Integer base = baseRevision == null || baseRevision.isBlank() ? null : (int) ApiParams.id("base_revision", baseRevision);
        if (file == null || file.isEmpty()) {
            throw ApiProblem.invalid("file", "请在 file 中附上要上传的文件");
        }
        String hash = DraftMapping.hash("POST /api/v1/drafts/" + articleId + "/media", file.getBytes(),
                alt == null ? null : alt.getBytes(StandardCharsets.UTF_8),
                baseRevision == null ? null : baseRevision.getBytes(StandardCharsets.UTF_8));
        // A replay answers before the base revision is compared: the first request has moved the draft on.
        Idempotency.Claim claim = idempotency.claim(caller, key, hash);
        if (claim.replay() != null) {
            return claim.replay();
        }
        MediaFile stored;
        try (InputStream in = file.getInputStream()) {
            if (base != null && base != record.latestRevision()) {
                throw new EditConflictException(null, workflow.content(articleId, record.latestRevision()));
            }
            stored = media.upload(actor.userId(), file.getOriginalFilename(), in);
        } catch (IOException | RuntimeException e) {
            idempotency.release(claim);
            throw e;
        }
        try {
            return idempotency.finish(claim, () -> {
                WorkflowRecord now = workflow.visible(actor, articleId);
                RevisionContent before = workflow.content(articleId, now.latestRevision());
                RevisionContent after = withFile(before, stored, alt);
                save.save(actor, articleId, base == null ? now.latestRevision() : base, after,
                        "通过接口插入文件“" + stored.originalName() + "”");
                WorkflowRecord saved = workflow.visible(actor, articleId);
                return new Idempotency.Answer(HttpStatus.CREATED, null, new WriteJson.DraftMedia(
                        ArticleApi.media(stored), mapping.draft(saved, after)));
            });
        } catch (RuntimeException e) {
            remove(actor, stored);
            throw e;
        }
    }

    private void remove(Actor actor, MediaFile file) {
        try {
            media.delete(actor.userId(), false, file.id());
        } catch (IOException | RuntimeException e) {
            log.warn("Could not remove upload {} of a refused API request", file.storageKey(), e);
        }
    }

    /** The content with the file appended to the body: a picture shown with its description, else a link. */
    static RevisionContent withFile(RevisionContent c, MediaFile file, String alt) {
        String name = BodyHtml.escape(file.originalName());
        String description = alt == null || alt.isBlank() ? name : BodyHtml.escape(alt.strip());
        String html = file.kind() == MediaKind.IMAGE
                ? "<p><img src=\"" + MediaUrls.of(file) + "\" alt=\"" + description + "\"></p>"
                : "<p><a href=\"" + MediaUrls.of(file) + "\">" + description + "</a></p>";
        String body = (c.bodyHtml() == null ? "" : c.bodyHtml()) + html;
        return new RevisionContent(c.title(), c.subtitle(), c.summary(), body, c.source(), c.author(), c.editor(),
                c.kind(), c.featured(), c.columnIds(), c.tags(), c.region(), c.publishedAt(), c.fields());
    }
}
