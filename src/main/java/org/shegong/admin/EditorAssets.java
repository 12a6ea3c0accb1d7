package org.shegong.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Where the rich-text editor's files are served from: the TinyMCE WebJar on the classpath, under /webjars/,
 * never a CDN. The version is read from the WebJar itself so the path follows the pom.
 */
public final class EditorAssets {

    public static final String TINYMCE_BASE = "/webjars/tinymce/" + version();

    private EditorAssets() {
    }

    private static String version() {
        try (InputStream in = EditorAssets.class.getResourceAsStream(
                "/META-INF/maven/org.webjars.npm/tinymce/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("The TinyMCE WebJar is not on the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
