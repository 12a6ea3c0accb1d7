package org.shegong.search.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One of the administrator's vocabulary files as it is on disk now.
 *
 * @param path        where it is (it may not exist: the shipped defaults then apply alone)
 * @param modifiedAt  when it was last changed, or null when it does not exist
 * @param entries     words (dictionary) or synonym groups (one a line), without blank and comment lines
 */
public record LexiconFile(Path path, Instant modifiedAt, int entries) {

    static LexiconFile of(Path path) {
        if (!Files.isRegularFile(path)) {
            return new LexiconFile(path, null, 0);
        }
        try {
            return new LexiconFile(path, Files.getLastModifiedTime(path).toInstant(),
                    Lexicon.lines(Lexicon.file(path)).size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean exists() {
        return modifiedAt != null;
    }

    public String name() {
        return path.getFileName().toString();
    }
}
