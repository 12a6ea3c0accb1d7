package org.shegong.editorial.web;

/**
 * Where the rich-text editor's files are served from: a vendored copy of TinyMCE under /vendor/ (static
 * resources of the jar), never a CDN. The newest TinyMCE WebJar is 6.8.3, which has published XSS advisories
 * fixed in 6.8.4+; 6.8.6 is the last MIT-licensed release, taken from the npm registry (see ADR 0012).
 */
public final class EditorAssets {

    public static final String TINYMCE_VERSION = "6.8.6";
    public static final String TINYMCE_BASE = "/vendor/tinymce/" + TINYMCE_VERSION;

    private EditorAssets() {
    }
}
