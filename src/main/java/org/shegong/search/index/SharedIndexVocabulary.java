package org.shegong.search.index;

import java.util.List;
import org.shegong.search.analysis.LexiconSource;
import org.shegong.system.outbox.OutboxConsumer;
import org.shegong.system.outbox.OutboxEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * On OpenSearch one node feeds and rebuilds the shared index ({@link SearchIndexer} runs on one node at a time), but
 * every node analyses its readers' queries itself (ADR 0057): each node loads the editors' new vocabulary when it is
 * announced, so its queries use the words and synonyms the index is (being re)built with.
 */
@Component
@Profile("!cli")
@ConditionalOnProperty(name = "shegong.search.backend", havingValue = "opensearch")
class SharedIndexVocabulary implements OutboxConsumer {

    private final IndexStore index;
    private final LexiconSource lexicons;

    SharedIndexVocabulary(@Lazy IndexStore index, LexiconSource lexicons) {
        this.index = index;
        this.lexicons = lexicons;
    }

    @Override
    public String name() {
        return "search-vocabulary";
    }

    @Override
    public Scope scope() {
        return Scope.EVERY_NODE;
    }

    @Override
    public boolean startsAtLatest() {
        return true; // the vocabulary is read at start anyway
    }

    @Override
    public void handle(List<OutboxEvent> events) {
        if (events.stream().anyMatch(e -> IndexMaintenance.VOCABULARY_CHANGED.equals(e.type()))) {
            index.useLexicon(lexicons.load());
        }
    }
}
