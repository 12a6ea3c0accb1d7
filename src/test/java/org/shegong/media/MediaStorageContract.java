package org.shegong.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What every {@link MediaStorage} must do; run against the directory and against an S3 protocol server. */
abstract class MediaStorageContract {

    abstract MediaStorage storage();

    @Test
    void storesReadsAndDeletesByKey() throws IOException {
        String key = MediaKeys.newKey("pdf");
        byte[] bytes = "%PDF-1.4 社工".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(storage().exists(key)).isFalse();
        assertThat(storage().get(key)).isEmpty();

        storage().put(key, new ByteArrayInputStream(bytes), bytes.length, "application/pdf");

        assertThat(storage().exists(key)).isTrue();
        try (MediaStorage.StoredObject stored = storage().get(key).orElseThrow()) {
            assertThat(stored.length()).isEqualTo(bytes.length);
            assertThat(stored.content().readAllBytes()).isEqualTo(bytes);
        }
        storage().delete(key);
        assertThat(storage().exists(key)).isFalse();
        assertThat(storage().get(key)).isEmpty();
        storage().delete(key); // deleting twice is not an error
    }

    @Test
    void streamsLargeObjectsAndReplacesEarlierContent() throws IOException {
        String key = MediaKeys.newKey("mp4");
        byte[] big = new byte[6 * 1024 * 1024 + 17];
        new Random(12).nextBytes(big);
        storage().put(key, new ByteArrayInputStream(new byte[] {1, 2, 3}), 3, "video/mp4");
        storage().put(key, new ByteArrayInputStream(big), big.length, "video/mp4");
        try (MediaStorage.StoredObject stored = storage().get(key).orElseThrow();
                InputStream in = stored.content()) {
            assertThat(stored.length()).isEqualTo(big.length);
            assertThat(in.readAllBytes()).isEqualTo(big);
        }
        String thumb = MediaKeys.variant(key, "w480", "jpg");
        assertThat(storage().exists(thumb)).isFalse();
        storage().delete(key);
    }

    @Test
    void refusesKeysItDidNotGenerate() {
        for (String bad : new String[] {"../../etc/passwd", "ab/../../x.jpg", "/etc/passwd", "ab\\cd.jpg", "", "a b.jpg",
                "AB/0123456789abcdef0123456789ABCDEF.jpg"}) {
            assertThatThrownBy(() -> storage().put(bad, new ByteArrayInputStream(new byte[1]), 1, "image/jpeg"))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> storage().get(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
