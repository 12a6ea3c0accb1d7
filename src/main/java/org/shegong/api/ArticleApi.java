package org.shegong.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.shegong.content.Article;
import org.shegong.content.ArticleService;
import org.shegong.content.BodyHtml;
import org.shegong.content.BodySanitizer;
import org.shegong.media.MediaFile;
import org.shegong.media.MediaService;
import org.shegong.media.MediaUrls;
import org.shegong.region.RegionTagging;
import org.shegong.system.web.SiteUrls;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/articles/{id}}: one live article with its body. The body was sanitised on the way in; it is
 * cleaned again here against the editors' allow-list ({@code BodySanitizer}), so an older row or a future write path cannot hand a client
 * markup the public page would not show. Drafts, withdrawn and unknown ids are the same 404.
 */
@RestController
@Tag(name = "文章")
class ArticleApi {

    private final ArticleService articles;
    private final MediaService media;
    private final RegionTagging regions;
    private final ApiMapping mapping;
    private final ApiResponses responses;

    ArticleApi(ArticleService articles, MediaService media, RegionTagging regions, ApiMapping mapping,
               ApiResponses responses) {
        this.articles = articles;
        this.media = media;
        this.regions = regions;
        this.mapping = mapping;
        this.responses = responses;
    }

    @GetMapping(value = "/api/v1/articles/{id}", produces = "application/json")
    @Operation(summary = "一篇文章", description = "正文 HTML（已净化）、纯文本、标签、地区和正文引用的文件（含尺寸）。"
            + "未发布、已撤下或不存在的文章均为 404。")
    ResponseEntity<ApiJson.ArticleDetail> article(@Parameter(description = "文章编号") @PathVariable String id) {
        long articleId = ApiParams.id("id", id);
        Article article = articles.find(articleId).filter(Article::isLive)
                .orElseThrow(() -> ApiProblem.notFound("没有找到这篇文章，它可能未发布、已撤下或编号有误"));
        String cleaned = BodySanitizer.sanitize(article.bodyHtml());
        String body = cleaned == null ? "" : cleaned;
        List<ApiJson.RegionRef> places = regions.of(article.id()).stream()
                .map(r -> new ApiJson.RegionRef(r.region().code(), r.region().name(), r.primary())).toList();
        return responses.ok(new ApiJson.ArticleDetail(article.id(), article.title(), article.subtitle(),
                article.summary() == null ? article.listSummary() : article.summary(), ApiMapping.kind(article.kind()),
                article.kind().label(), article.source(), article.author(), article.editor(),
                ApiMapping.time(article.publishedAt()), ApiMapping.time(article.updatedAt()),
                mapping.slug(article.primaryColumnId()), mapping.slugs(article.columnIds()), article.tags(), places,
                SiteUrls.article(article.id()), body, BodyHtml.plainText(body),
                media.referencedBy(body).stream().map(ArticleApi::media).toList()));
    }

    static ApiJson.Media media(MediaFile file) {
        List<ApiJson.MediaVariant> variants = file.variantWidths().stream().sorted()
                .map(w -> new ApiJson.MediaVariant(w, MediaUrls.ofWidth(file, w))).toList();
        return new ApiJson.Media(MediaUrls.of(file), file.kind().name().toLowerCase(java.util.Locale.ROOT),
                file.contentType(), file.originalName(), file.sizeBytes(), file.width(), file.height(), variants);
    }
}
