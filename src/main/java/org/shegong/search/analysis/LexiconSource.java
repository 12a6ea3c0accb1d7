package org.shegong.search.analysis;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the administrator's dictionary and synonyms live: {@code ${shegong.data-dir}/search/}. They are read when
 * the index opens and at every rebuild, which is when changes to them take effect.
 */
@Component
public class LexiconSource {

    private final Path directory;
    private final Clock clock;
    private volatile Instant loadedAt;

    public LexiconSource(@Value("${shegong.data-dir:./data}") String dataDir, Clock clock) {
        this.directory = Path.of(dataDir).resolve("search");
        this.clock = clock;
    }

    public Lexicon load() {
        Instant now = clock.instant();
        Lexicon lexicon = Lexicon.load(directory);
        loadedAt = now;
        return lexicon;
    }

    /** When the files were last read, or null when not yet in this process. */
    public Instant loadedAt() {
        return loadedAt;
    }

    public List<LexiconFile> files() {
        return List.of(LexiconFile.of(directory.resolve(Lexicon.DICTIONARY)),
                LexiconFile.of(directory.resolve(Lexicon.SYNONYMS)));
    }

    Path directory() {
        return directory;
    }
}
