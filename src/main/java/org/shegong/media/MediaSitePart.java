package org.shegong.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLConnection;
import java.util.Optional;
import org.shegong.system.backup.DeclaredPart;
import org.shegong.system.backup.ExportTable;
import org.shegong.system.backup.SiteFiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The media library's rows and every stored object (originals and their smaller copies) in the site archive, under
 * the keys they had, so every {@code /media/…} address in an imported body still answers (docs/adr/0052).
 */
@Component
class MediaSitePart extends DeclaredPart implements SiteFiles {

    private final JdbcClient jdbc;
    private final MediaStorage storage;

    MediaSitePart(JdbcClient jdbc, MediaStorage storage) {
        super("media", 40, ExportTable.withId("media_file"), ExportTable.keyedBy("media_use", "media_id", "article_id"));
        this.jdbc = jdbc;
        this.storage = storage;
    }

    @Override
    public SiteFiles files() {
        return this;
    }

    @Override
    public void forEachKey(KeyVisitor visitor) throws IOException {
        try {
            jdbc.sql("SELECT storage_key, variants FROM media_file ORDER BY id").query(rs -> {
                MediaFile file = new MediaFile(0, rs.getString(1), null, null, null, 0, null, null, rs.getString(2),
                        0, null, 0);
                for (String key : file.storedKeys()) {
                    try {
                        visitor.visit(key);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public StoredFile open(String key) throws IOException {
        Optional<MediaStorage.StoredObject> stored = storage.get(key);
        return stored.map(object -> new StoredFile(object.content(), object.length())).orElse(null);
    }

    @Override
    public boolean isKey(String key) {
        return MediaKeys.isValid(key);
    }

    @Override
    public void store(String key, InputStream content, long length) throws IOException {
        String type = URLConnection.guessContentTypeFromName(key);
        storage.put(key, content, length, type == null ? "application/octet-stream" : type);
    }

    @Override
    public void delete(String key) throws IOException {
        storage.delete(key);
    }
}
