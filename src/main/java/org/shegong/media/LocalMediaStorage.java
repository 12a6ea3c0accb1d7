package org.shegong.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Media in a directory (by default {@code <data-dir>/media}). A file is written to a temporary name and moved
 * into place, so a reader never sees half a file and a crash leaves no truncated object under a real key.
 */
public class LocalMediaStorage implements MediaStorage {

    private final Path root;

    public LocalMediaStorage(Path root) throws IOException {
        this.root = Files.createDirectories(root.toAbsolutePath().normalize());
    }

    @Override
    public void put(String key, InputStream content, long length, String contentType) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
        try {
            long copied = Files.copy(content, temporary, StandardCopyOption.REPLACE_EXISTING);
            if (length >= 0 && copied != length) {
                throw new IOException("Expected " + length + " bytes for " + key + ", got " + copied);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public Optional<StoredObject> get(String key) throws IOException {
        Path file = resolve(key);
        try {
            InputStream in = Files.newInputStream(file);
            return Optional.of(new StoredObject(in, Files.size(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    /** Keys are checked for their generated shape, and the resolved path must stay under the root anyway. */
    private Path resolve(String key) {
        Path path = root.resolve(MediaKeys.requireValid(key)).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("Key outside the media directory: " + key);
        }
        return path;
    }
}
