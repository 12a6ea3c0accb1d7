package org.shegong.search.analysis;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the vocabulary comes from: the shipped defaults, the operator's files in {@code ${shegong.data-dir}/search/}
 * and the editors' entries in the database ({@link EditorVocabulary}). Read when the index opens and at every
 * rebuild, which is when dictionary words take effect; synonyms are applied at once (see {@code IndexMaintenance}).
 */
@Component
public class LexiconSource {

    private final Path directory;
    private final Clock clock;
    private final EditorVocabulary editors;
    private volatile Instant loadedAt;

    @Autowired
    public LexiconSource(@Value("${shegong.data-dir:./data}") String dataDir, Clock clock, EditorVocabulary editors) {
        this.directory = Path.of(dataDir).resolve("search");
        this.clock = clock;
        this.editors = editors;
    }

    /** Without the editors' entries (tests and tools without a database). */
    public LexiconSource(String dataDir, Clock clock) {
        this(dataDir, clock, null);
    }

    public Lexicon load() {
        Instant now = clock.instant();
        Lexicon lexicon = editors == null ? Lexicon.load(directory) : Lexicon.load(directory,
                editors.all(EditorVocabulary.Kind.WORD), editors.all(EditorVocabulary.Kind.SYNONYMS));
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
