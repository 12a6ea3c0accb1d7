package org.shegong.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.shegong.search.SearchHit;
import org.shegong.search.SearchQuery;
import org.shegong.search.SearchResults;
import org.shegong.search.index.SearchBackend;

/**
 * Both backends answer alike (ADR 0057): for every readers' judged query, and for pages of a common word, the same
 * total, the same correction and the same hits with the same scores, in the same order (articles with an equal score
 * and date may come in either order). The partial matches are judged by the judged sets' figures on each backend.
 */
class SearchBackendParityTest {

    @Test
    void theBackendsFindAndScoreTheSameArticles() {
        SearchFixture lucene = SearchFixture.samples(SearchBackend.LUCENE);
        SearchFixture opensearch = SearchFixture.samples(SearchBackend.OPENSEARCH);
        List<SearchQuery> queries = new ArrayList<>();
        Stream.concat(ReaderQueriesTest.JUDGED.stream().map(ReaderQueriesTest.Judged::query),
                        Stream.of("社会工作", "社工站 民政局", "社會工作服務站"))
                .forEach(q -> {
                    queries.add(SearchQuery.simple(q));
                    queries.add(SearchQuery.reader(q, null, null, null, null, SearchQuery.Sort.NEWEST, 1));
                });
        for (int page = 2; page <= 7; page++) {
            queries.add(SearchQuery.reader("社会工作", null, null, null, null, SearchQuery.Sort.RELEVANCE, page));
        }
        queries.add(SearchQuery.editors("社工站", null, null, null, SearchQuery.Sort.RELEVANCE, 1));
        for (SearchQuery query : queries) {
            SearchResults expected = lucene.engine.search(query);
            SearchResults actual = opensearch.engine.search(query);
            String what = query.text() + " " + query.sort() + " page " + query.page();
            assertThat(actual.total()).as(what).isEqualTo(expected.total());
            assertThat(actual.correction()).as(what).isEqualTo(expected.correction());
            boolean scored = query.sort() == SearchQuery.Sort.RELEVANCE;
            assertThat(ranked(actual.hits(), scored)).as(what).isEqualTo(ranked(expected.hits(), scored));
        }
    }

    /** The hits as runs of equal score (to four places) and date, each with the set of its articles. */
    private static List<String> ranked(List<SearchHit> hits, boolean scored) {
        List<String> runs = new ArrayList<>();
        String key = null;
        Set<Long> ids = new TreeSet<>();
        for (SearchHit hit : hits) {
            String next = (scored ? String.format(Locale.ROOT, "%.4f", hit.score()) : "") + "@" + hit.publishedAt();
            if (!next.equals(key) && key != null) {
                runs.add(key + " " + ids);
                ids = new TreeSet<>();
            }
            key = next;
            ids.add(hit.articleId());
        }
        if (key != null) {
            runs.add(key + " " + ids);
        }
        return runs;
    }
}
