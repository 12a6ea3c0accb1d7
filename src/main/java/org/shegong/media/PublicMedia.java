package org.shegong.media;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What public pages need to know of an uploaded file they refer to by address: its copies for a thumbnail and
 * {@code srcset}, its size, its name. A file's row never changes but for its download count (not read here) and
 * its deletion, which only happens while nothing refers to it; so a short-lived cache is safe.
 */
@Service
public class PublicMedia {

    private final MediaRepository repository;
    private final Cache<String, Optional<MediaFile>> files = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();

    PublicMedia(MediaRepository repository) {
        this.repository = repository;
    }

    /** The file served at {@code url} ("/media/ab/….jpg"); empty for anything else. */
    public Optional<MediaFile> file(String url) {
        if (url == null || !url.startsWith(MediaUrls.PREFIX)) {
            return Optional.empty();
        }
        String key = url.substring(MediaUrls.PREFIX.length());
        if (!MediaKeys.isValid(key)) {
            return Optional.empty();
        }
        return files.get(key, repository::byKey);
    }

    /** The 320-pixel copy of an uploaded image, or the address itself when it has none. */
    public String thumbnail(String url) {
        return file(url).map(f -> MediaUrls.ofWidth(f, 320)).orElse(url);
    }

    /** {@code srcset} of an uploaded image, null when the address is not one with copies. */
    public String srcset(String url) {
        return file(url).filter(f -> !f.variantWidths().isEmpty()).map(MediaUrls::srcset).orElse(null);
    }
}
