package org.shegong.site.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;

/**
 * A machine-read document (feed, sitemap, robots.txt) with validators: the ETag is a hash of the bytes, so
 * it changes exactly when the document does (a withdrawal too, which Last-Modified alone would miss), and a
 * client that already has it gets 304 without a body.
 */
final class ConditionalXml {

    static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private ConditionalXml() {
    }

    static ResponseEntity<String> respond(WebRequest request, MediaType type, String body, Instant lastModified) {
        String etag = "\"" + hash(body) + "\"";
        long modified = lastModified == null ? -1 : lastModified.toEpochMilli();
        if (request.checkNotModified(etag, modified)) {
            // checkNotModified has set the status and the validators on the response.
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CACHE).build();
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(type).eTag(etag).cacheControl(CACHE);
        if (modified >= 0) {
            ok.lastModified(modified);
        }
        return ok.body(body);
    }

    static String etagOf(String... parts) {
        return "\"" + hash(String.join("\u0000", parts)) + "\"";
    }

    private static String hash(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
