package org.shegong.search;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Where the administrator's dictionary and synonyms live: {@code ${shegong.data-dir}/search/}. */
@Component
class LexiconSource {

    private final Path directory;

    LexiconSource(@Value("${shegong.data-dir:./data}") String dataDir) {
        this.directory = Path.of(dataDir).resolve("search");
    }

    Lexicon load() {
        return Lexicon.load(directory);
    }

    Path directory() {
        return directory;
    }
}
