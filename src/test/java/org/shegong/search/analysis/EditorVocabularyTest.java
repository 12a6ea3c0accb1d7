package org.shegong.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.search.analysis.EditorVocabulary.Kind;
import org.shegong.system.MutableClock;
import org.shegong.system.MutableClockConfig;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;

/** The editors' words and synonym groups on H2, PostgreSQL and MariaDB, and how the lexicon reads them. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class EditorVocabularyTest {

    @Parameter
    DatabaseTarget target;

    EditorVocabulary vocabulary;
    MutableClock clock = new MutableClock(MutableClockConfig.START);

    @BeforeEach
    void setUp() {
        vocabulary = new EditorVocabulary(TestDatabase.fresh(target).jdbc(), clock);
    }

    @Test
    void addsEachEntryOnceRemovesAndReachesTheLexicon() throws Exception {
        assertThat(vocabulary.addWords("社工驿站\n 长者饭堂，社工驿站、", 1L)).isEqualTo(2);
        assertThat(vocabulary.addWords("社工驿站", 1L)).isZero();
        assertThat(vocabulary.addGroups("长者饭堂，老年食堂\n\n社工周刊, 社会工作周刊", 1L)).isEqualTo(2);
        assertThat(vocabulary.all(Kind.WORD)).containsExactlyInAnyOrder("社工驿站", "长者饭堂");
        assertThat(vocabulary.all(Kind.SYNONYMS)).containsExactlyInAnyOrder("长者饭堂,老年食堂", "社工周刊,社会工作周刊");

        Path dir = Files.createTempDirectory("vocabulary");
        Lexicon lexicon = new LexiconSource(dir.toString(), clock, vocabulary).load();
        assertThat(lexicon.isWord("社工驿站")).isTrue();
        assertThat(lexicon.synonymsOf("老年食堂")).containsExactly("长者饭堂");

        assertThat(vocabulary.remove(Kind.SYNONYMS, "长者饭堂,老年食堂")).isTrue();
        assertThat(vocabulary.remove(Kind.SYNONYMS, "长者饭堂,老年食堂")).isFalse();
        Lexicon synonymsNow = lexicon.withSynonymsOf(new LexiconSource(dir.toString(), clock, vocabulary).load());
        assertThat(synonymsNow.synonymsOf("老年食堂")).isEmpty();
        assertThat(synonymsNow.isWord("社工驿站")).isTrue();
    }

    @Test
    void refusesWhatCannotBeAWordOrAGroup() {
        assertThatThrownBy(() -> vocabulary.addWords("社", 1L)).hasMessageStartingWith("词的长度应为");
        assertThatThrownBy(() -> vocabulary.addWords("长".repeat(31), 1L)).hasMessageStartingWith("词的长度应为");
        assertThatThrownBy(() -> vocabulary.addWords("<b>社工</b>", 1L)).hasMessageStartingWith("词只能包含");
        assertThatThrownBy(() -> vocabulary.addWords(" \n ", 1L)).hasMessageStartingWith("请填写");
        assertThatThrownBy(() -> vocabulary.addGroups("社工", 1L)).hasMessageStartingWith("每组同义词至少要有两个词");
        assertThat(vocabulary.all(Kind.WORD)).isEmpty();
    }
}
