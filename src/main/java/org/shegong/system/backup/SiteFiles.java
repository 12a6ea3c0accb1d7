package org.shegong.system.backup;

import java.io.IOException;
import java.io.InputStream;

/** Stored files a {@link SitePart} carries into the archive (under {@code media/KEY}) and back into storage. */
public interface SiteFiles {

    /** Visits every stored key, streamed (never all keys in memory). */
    void forEachKey(KeyVisitor visitor) throws IOException;

    /** Receives one key. */
    interface KeyVisitor {
        void visit(String key) throws IOException;
    }

    /** The stored object, or null when a row names a key whose file is missing. */
    StoredFile open(String key) throws IOException;

    /** Whether {@code key} has the shape of a key this part stores (an archive entry is checked before use). */
    boolean isKey(String key);

    /** Stores {@code length} bytes under {@code key}. */
    void store(String key, InputStream content, long length) throws IOException;

    /** Removes a file an import stored when the import fails afterwards. */
    void delete(String key) throws IOException;

    /** An open stored file and its length. */
    record StoredFile(InputStream content, long length) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            content.close();
        }
    }
}
