package org.shegong.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.shegong.column.Column;
import org.shegong.column.ColumnService;
import org.shegong.content.Kind;
import org.shegong.editorial.web.ArticleForm;
import org.shegong.editorial.workflow.RevisionContent;
import org.shegong.editorial.workflow.WorkflowRecord;
import org.springframework.stereotype.Component;

/**
 * Between the write API's JSON and the workflow's revision content. Input goes through the back office's own form
 * ({@code ArticleForm}): the same limits, the same sanitising of the body, the same Chinese messages. Fields the API
 * does not carry (featured, publication time, region, item-type fields) keep what the draft held.
 */
@Component
class DraftMapping {

    private static final int MAX_TAGS = 20;

    private final ColumnService columns;
    private final ApiMapping mapping;

    DraftMapping(ColumnService columns, ApiMapping mapping) {
        this.columns = columns;
        this.mapping = mapping;
    }

    /** The content to save; {@code previous} is the revision an update starts from (null for a new draft). */
    RevisionContent content(WriteJson.DraftInput input, RevisionContent previous, int base) {
        if (input == null) {
            throw ApiProblem.invalid("request", "请求体应是 JSON 对象");
        }
        List<String> slugs = input.columns() == null ? List.of() : input.columns();
        if (slugs.isEmpty()) {
            throw ApiProblem.invalid("columns", "columns 应至少包含一个栏目的地址名（第一个为主栏目）");
        }
        List<Long> ids = new ArrayList<>();
        for (String slug : slugs) {
            Column column = columns.bySlug(slug == null ? "" : slug.strip())
                    .orElseThrow(() -> ApiProblem.invalid("columns", "没有地址名为“" + slug + "”的栏目"));
            if (!ids.contains(column.id())) {
                ids.add(column.id());
            }
        }
        Kind kind = Kind.parse(input.kind()).filter(k -> k != Kind.DIGEST).orElseThrow(() -> ApiProblem.invalid("kind",
                "kind 应是 news、notice、infographic、policy、video 或 photo"));
        List<String> tags = input.tags() == null ? List.of() : input.tags();
        if (tags.size() > MAX_TAGS || tags.stream().anyMatch(t -> t == null || t.isBlank() || t.length() > 64
                || t.codePoints().anyMatch(c -> Character.isWhitespace(c) || ",，、;；".indexOf(c) >= 0))) {
            throw ApiProblem.invalid("tags", "标签最多 " + MAX_TAGS + " 个，每个 1 到 64 字，不含空格、逗号、顿号和分号");
        }
        ArticleForm form = previous == null ? new ArticleForm() : ArticleForm.of(previous, base);
        form.setTitle(input.title() == null ? "" : input.title());
        form.setSubtitle(input.subtitle());
        form.setSummary(input.summary());
        form.setBody(input.bodyHtml() == null ? "" : input.bodyHtml());
        form.setSource(input.source());
        form.setAuthor(input.author());
        form.setEditor(input.editor());
        form.setKind(kind.name());
        form.setPrimaryColumn(ids.get(0));
        form.setExtraColumns(ids.subList(1, ids.size()));
        form.setTags(String.join("，", tags));
        return form.toContent();
    }

    WriteJson.Draft draft(WorkflowRecord record, RevisionContent content) {
        return new WriteJson.Draft(record.articleId(), record.state().name().toLowerCase(Locale.ROOT),
                record.state().label(), record.reviewLevel() > 0 ? record.reviewLevel() : null, record.latestRevision(),
                record.live(), content.title(), content.subtitle(), content.summary(), content.bodyHtml(),
                content.source(), content.author(), content.editor(), ApiMapping.kind(content.kind()),
                mapping.slugs(content.columnIds()), content.tags(), record.lastComment(),
                ApiMapping.time(record.updatedAt()));
    }

    /** SHA-256 of what identifies a request for its idempotency key: the operation and its canonical body. */
    static String hash(String operation, byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            for (byte[] part : parts) {
                sha.update((byte) 0);
                sha.update(part == null ? new byte[0] : part);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
