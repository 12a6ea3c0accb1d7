package org.shegong.media;

import org.shegong.content.ArticleService;
import org.shegong.content.ArticleStatus;
import org.shegong.system.web.BackOffice;
import org.shegong.account.Permission;
import org.shegong.account.Requires;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shegong.account.AdminChrome;
import org.shegong.account.StaffUser;
import org.shegong.system.SiteProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The back office's media library: upload (from the editor as JSON, or from a plain form), search, reuse
 * (each file shows the address to insert), where used, delete when unused. Staff only (/admin/**).
 */
@Requires(Permission.MEDIA)
@BackOffice
@Controller
class MediaLibraryController {

    private static final int PAGE = 100;

    private final MediaService media;
    private final MediaRepository repository;
    private final MediaProperties limits;
    private final SiteProperties site;
    private final MediaHolds holds;
    private final ArticleService articles;

    MediaLibraryController(MediaService media, MediaRepository repository, MediaProperties limits, SiteProperties site,
                           MediaHolds holds, ArticleService articles) {
        this.holds = holds;
        this.articles = articles;
        this.media = media;
        this.repository = repository;
        this.limits = limits;
        this.site = site;
    }

    @GetMapping("/admin/media")
    String library(@AuthenticationPrincipal StaffUser user, @RequestParam(required = false) String q,
                   @RequestParam(required = false) String kind, @RequestParam(required = false) Long uploaded,
                   @RequestParam(required = false) String deleted, HttpServletRequest request, Model model) {
        MediaKind family = null;
        for (MediaKind k : MediaKind.values()) {
            if (k.name().equalsIgnoreCase(kind)) {
                family = k;
            }
        }
        List<MediaFile> files = repository.search(q, family, PAGE);
        model.addAttribute("view", new MediaLibraryView(AdminChrome.of(request, site.name()), q == null ? "" : q,
                family, files, repository.useCounts(files.stream().map(MediaFile::id).toList()), user.id(),
                user.administrator(), uploaded == null ? null : repository.find(uploaded).orElse(null),
                deleted != null, limitsText(), MediaService.megabytes(media.storedBy(user.id()))));
        return "admin/media";
    }

    @PostMapping(value = "/admin/media", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> uploadJson(@AuthenticationPrincipal StaffUser user,
                                                   @RequestParam("file") MultipartFile file) throws IOException {
        MediaFile stored = store(user, file);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("location", MediaUrls.of(stored));
        body.put("id", stored.id());
        body.put("name", stored.originalName());
        body.put("kind", stored.kind().name());
        return ResponseEntity.status(201).body(body);
    }

    @PostMapping("/admin/media")
    String uploadForm(@AuthenticationPrincipal StaffUser user, @RequestParam("file") MultipartFile file)
            throws IOException {
        return "redirect:/admin/media?uploaded=" + store(user, file).id();
    }

    @GetMapping("/admin/media/{id}")
    String file(@PathVariable long id, HttpServletRequest request, Model model) {
        MediaFile file = repository.find(id).orElseThrow(() -> new MediaService.MediaNotFound(id));
        model.addAttribute("chrome", AdminChrome.of(request, site.name()));
        model.addAttribute("file", file);
        List<Long> usedBy = repository.usedBy(id);
        model.addAttribute("usedBy", usedBy);
        // Titles of live articles only (they are public); a withdrawn one stays a number, like unpublished work.
        Map<Long, String> titles = new LinkedHashMap<>();
        articles.rows(usedBy).stream().filter(row -> row.status() == ArticleStatus.LIVE)
                .forEach(row -> titles.put(row.id(), row.title()));
        model.addAttribute("liveTitles", titles);
        model.addAttribute("holds", holds.of(file));
        return "admin/media-file";
    }

    @PostMapping("/admin/media/{id}/delete")
    String delete(@AuthenticationPrincipal StaffUser user, @PathVariable long id) throws IOException {
        media.delete(user.id(), user.administrator(), id);
        return "redirect:/admin/media?deleted=1";
    }

    private MediaFile store(StaffUser user, MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw UploadRejected.badRequest("请选择要上传的文件");
        }
        try (InputStream in = file.getInputStream()) {
            return media.upload(user.id(), file.getOriginalFilename(), in);
        }
    }

    private String limitsText() {
        return "图片最大 " + MediaService.megabytes(limits.maxImage().toBytes()) + "（最多 "
                + limits.maxPixels() / 1_000_000 + " 百万像素），附件最大 "
                + MediaService.megabytes(limits.maxAttachment().toBytes()) + "，视频最大 "
                + MediaService.megabytes(limits.maxVideo().toBytes()) + "，每人共 "
                + MediaService.megabytes(limits.quotaPerUser().toBytes());
    }
}
