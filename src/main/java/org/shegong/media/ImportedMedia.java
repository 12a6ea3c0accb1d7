package org.shegong.media;

import java.io.IOException;
import java.io.InputStream;
import org.shegong.content.importer.ImportMedia;
import org.springframework.stereotype.Component;

/** The media feature's side of an import naming files: stored like uploads, once per content. */
@Component
class ImportedMedia implements ImportMedia {

    private final MediaService media;

    ImportedMedia(MediaService media) {
        this.media = media;
    }

    @Override
    public String store(String name, InputStream content) throws IOException {
        try {
            return MediaUrls.of(media.importFile(name, content));
        } catch (UploadRejected e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
