package org.shegong.content.importer;

import java.io.IOException;
import java.io.InputStream;

/**
 * Stores a file an import line refers to, as an upload would be stored (type from the bytes, images re-encoded),
 * and answers its root-relative address ("/media/ab/….jpg"). Implemented by the media feature, which stands above
 * content; an import without it can only refer to files already uploaded. Storing the same bytes twice answers the
 * first file, so re-importing a file changes nothing.
 */
public interface ImportMedia {

    /** Throws {@link IllegalArgumentException} with a Chinese reason when the file is refused. */
    String store(String name, InputStream content) throws IOException;
}
