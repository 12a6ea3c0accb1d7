package org.shegong.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.shegong.search.SearchLoadProperties;
import org.shegong.search.SearchQuery;
import org.shegong.search.index.ViewChange;
import org.springframework.util.unit.DataSize;

/** Carrying answers to a new view (ADR 0068): which are kept, which dropped, and that their time to live runs on. */
class ResultCacheTest {

    private final AtomicLong now = new AtomicLong();
    private final ResultCache cache = new ResultCache(new SearchLoadProperties(DataSize.ofMegabytes(1),
            Duration.ofMinutes(10), 0, 48, Duration.ofSeconds(5), Duration.ofSeconds(5), 2000), now::get);
    private final AtomicInteger computed = new AtomicInteger();

    @Test
    void aCarriedAnswerIsFoundUnderTheNewViewAndNoLongerUnderTheOld() {
        cache.carrying(true);
        Object answer = ask("社工站", 0);
        cache.carry(change(0, 1), queries -> true);
        assertThat(ask("社工站", 1)).isSameAs(answer);
        assertThat(computed).hasValue(1);
        ask("社工站", 0);
        assertThat(computed).as("the old view's answers are dropped").hasValue(2);
    }

    @Test
    void anAnswerTheChangeTouchesIsComputedAgainAndOnlyItsOwnQueriesAreTested() {
        cache.carrying(true);
        ask("社工站", 0);
        ask("养老", 0);
        cache.carry(change(0, 1), queries -> !queries.contains(query("社工站")));
        ask("社工站", 1);
        ask("养老", 1);
        assertThat(computed).hasValue(3);
    }

    @Test
    void carryingDoesNotLengthenAnAnswersLife() {
        cache.carrying(true);
        ask("社工站", 0);
        now.addAndGet(Duration.ofMinutes(6).toNanos());
        cache.carry(change(0, 1), queries -> true);
        ask("社工站", 1);
        assertThat(computed).hasValue(1);
        now.addAndGet(Duration.ofMinutes(5).toNanos());
        ask("社工站", 1);
        assertThat(computed).as("eleven minutes after it was computed").hasValue(2);
    }

    @Test
    void everythingChangedKeepsNothingAndWithoutCarryingANewViewDropsAll() {
        cache.carrying(true);
        ask("社工站", 0);
        cache.carry(new ViewChange(0, 1, null, null, null), queries -> true);
        ask("社工站", 1);
        assertThat(computed).hasValue(2);

        ResultCache plain = new ResultCache(new SearchLoadProperties(DataSize.ofMegabytes(1), Duration.ofMinutes(10),
                0, 48, Duration.ofSeconds(5), Duration.ofSeconds(5), 2000), now::get);
        ResultCache.Key old = key("养老", 1);
        plain.get(old, () -> "x", a -> true);
        plain.get(key("养老", 2), () -> "y", a -> true);
        assertThat(plain.get(old, () -> "computed again", a -> true)).isEqualTo("computed again");
    }

    private Object ask(String word, long view) {
        return cache.get(key(word, view), () -> {
            ResultCache.ran(query(word));
            computed.incrementAndGet();
            return List.of(word + computed.get());
        }, answer -> true);
    }

    private static ResultCache.Key key(String word, long view) {
        return new ResultCache.Key("search", SearchQuery.simple(word), view, "lexicon");
    }

    private static Query query(String word) {
        return new TermQuery(new Term("title", word));
    }

    private static ViewChange change(long from, long to) {
        // Carrying itself never looks at the searchers: the test of the queries does (AnswerCarrier).
        return new ViewChange(from, to, Set.of(new Term("key", "public:1")), null, null);
    }
}
