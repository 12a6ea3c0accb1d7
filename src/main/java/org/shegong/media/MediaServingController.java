package org.shegong.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Serves stored files. The type is the sniffed one from the database, never guessed from the URL; the browser
 * must not sniff (nosniff) and the response may not run anything even if opened directly (CSP sandbox).
 * Anything that is not an image or a video is a download. Keys never change content, so caches keep them a year.
 * Range requests work (video seeking) because the body is a {@link Resource} with a known length.
 */
@Controller
class MediaServingController {

    private static final Pattern VARIANT = Pattern.compile("([0-9a-f]{32})-w([0-9]{2,5})\\.([a-z0-9]{2,5})");

    private final MediaRepository repository;
    private final MediaStorage storage;
    private final DownloadCounter downloads;

    MediaServingController(MediaRepository repository, MediaStorage storage, DownloadCounter downloads) {
        this.repository = repository;
        this.storage = storage;
        this.downloads = downloads;
    }

    @GetMapping("/media/{prefix}/{name}")
    ResponseEntity<Resource> serve(@PathVariable String prefix, @PathVariable String name, ServletWebRequest request)
            throws IOException {
        String key = prefix + "/" + name;
        if (!MediaKeys.isValid(key)) {
            return ResponseEntity.notFound().build();
        }
        Matcher variant = VARIANT.matcher(name);
        String originalKey = variant.matches() ? prefix + "/" + variant.group(1) + "." + variant.group(3) : key;
        Optional<MediaFile> found = repository.byKey(originalKey);
        if (found.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        MediaFile file = found.get();
        if (request.checkNotModified("\"" + key.replace('/', '-') + "\"")) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).build();
        }
        Optional<MediaStorage.StoredObject> stored = storage.get(key);
        if (stored.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        if (file.kind() == MediaKind.ATTACHMENT && !variant.matches() && HttpMethod.GET.matches(request.getRequest().getMethod())
                && request.getHeader(HttpHeaders.RANGE) == null) {
            downloads.record(file.id());
        }
        boolean inline = file.kind() != MediaKind.ATTACHMENT;
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .eTag(key.replace('/', '-'))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.builder(inline ? "inline" : "attachment")
                        .filename(file.originalName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Cross-Origin-Resource-Policy", "same-site")
                .body(new StoredResource(storage, key, stored.get()));
    }

    /** The stored object, opened once already; a range request may open it again. */
    private static final class StoredResource extends AbstractResource {

        private final MediaStorage storage;
        private final String key;
        private final long length;
        private MediaStorage.StoredObject first;

        StoredResource(MediaStorage storage, String key, MediaStorage.StoredObject first) {
            this.storage = storage;
            this.key = key;
            this.length = first.length();
            this.first = first;
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (first != null) {
                InputStream in = first.content();
                first = null;
                return in;
            }
            return storage.get(key).orElseThrow(() -> new IOException("Gone: " + key)).content();
        }

        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public String getDescription() {
            return "media " + key;
        }

        @Override
        public boolean exists() {
            return true;
        }
    }
}
