package org.shegong.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMediaStorageTest extends MediaStorageContract {

    @TempDir
    Path root;

    private LocalMediaStorage storage;

    @BeforeEach
    void open() throws IOException {
        storage = new LocalMediaStorage(root);
    }

    @Override
    MediaStorage storage() {
        return storage;
    }

    @Test
    void aFailedUploadLeavesNoFileBehind() throws IOException {
        String key = MediaKeys.newKey("jpg");
        InputStream failing = new InputStream() {
            private int left = 1000;

            @Override
            public int read() throws IOException {
                if (left-- <= 0) {
                    throw new IOException("connection reset");
                }
                return 7;
            }
        };
        try {
            storage.put(key, failing, 5000, "image/jpeg");
        } catch (IOException expected) {
            // the reader went away mid-upload
        }
        assertThat(storage.exists(key)).isFalse();
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
        storage.put(key, new ByteArrayInputStream(new byte[] {1}), 1, "image/jpeg");
        assertThat(Files.exists(root.resolve(key))).isTrue();
    }
}
