package org.shegong.site.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.GZIPOutputStream;

/**
 * One rendered page: its bytes, the headers worth replaying (security headers, never cookies) and its
 * validators. The strong ETag is a hash of the bytes; the gzip copy, made on first demand, is a different
 * representation and so gets its own ETag.
 */
final class CachedPage {

    private final byte[] body;
    private final String contentType;
    private final List<Map.Entry<String, String>> headers;
    private final long lastModified;
    private final String etag;
    private final String gzipEtag;
    private volatile byte[] gzipped;

    CachedPage(byte[] body, String contentType, List<Map.Entry<String, String>> headers, long renderedAtMillis) {
        this.body = body;
        this.contentType = contentType;
        this.headers = List.copyOf(headers);
        this.lastModified = renderedAtMillis / 1000 * 1000; // HTTP dates have whole seconds
        String hash = hash(body);
        this.etag = "\"" + hash + "\"";
        this.gzipEtag = "\"" + hash + "-gz\"";
    }

    byte[] body() {
        return body;
    }

    String contentType() {
        return contentType;
    }

    List<Map.Entry<String, String>> headers() {
        return headers;
    }

    long lastModified() {
        return lastModified;
    }

    String etag(boolean gzip) {
        return gzip ? gzipEtag : etag;
    }

    boolean hasEtag(String candidate) {
        return etag.equals(candidate) || gzipEtag.equals(candidate);
    }

    /** Compressed once, when a client first asks for gzip; a racing second compression is harmless. */
    byte[] gzipped() {
        byte[] zipped = gzipped;
        if (zipped == null) {
            zipped = gzip(body);
            gzipped = zipped;
        }
        return zipped;
    }

    /** Bytes held, counting the gzip copy at a typical ratio for HTML so the bound holds once it exists. */
    int weight() {
        return body.length + body.length / 3 + 512;
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out, 8192)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Two hardware-assisted checksums and the length: 64 bits against an accidental match of two versions of one
     * address, which is all an ETag needs. SHA-256 cost 7 % of an uncached article page's CPU (JFR, issue 18).
     */
    private static String hash(byte[] bytes) {
        CRC32C first = new CRC32C();
        first.update(bytes);
        CRC32 second = new CRC32();
        second.update(bytes);
        long both = first.getValue() << 32 | second.getValue();
        return Integer.toString(bytes.length, 36) + "-" + Long.toUnsignedString(both, 36);
    }
}
