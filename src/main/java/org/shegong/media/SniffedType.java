package org.shegong.media;

/** What a file's bytes say it is, after the allow-list: the type it is served with and the key's extension. */
public record SniffedType(MediaKind kind, String contentType, String extension) {
}
