package org.shegong.search.query;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.shegong.content.Kind;
import org.shegong.region.data.RegionDirectory;
import org.shegong.search.SearchProperties;
import org.shegong.search.SearchQuery;
import org.shegong.search.analysis.SearchAnalyzers;
import org.shegong.search.index.ArticleDocuments;
import org.shegong.search.index.IndexRebuilder;
import org.shegong.search.index.OpenSearchClient;
import org.shegong.search.index.OpenSearchDocuments;
import org.shegong.search.index.OpenSearchIndex;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * {@link org.shegong.search.SearchEngine} on an OpenSearch index ({@code shegong.search.backend=opensearch}, ADR
 * 0057). The queries are those of the Lucene backend in the query DSL ({@link OpenSearchQueries}). Relevance runs in
 * the same two stages (ADR 0018): the cluster returns the best candidates by place score, ties to the newest; the
 * whole-phrase and recency bonuses of the first {@link RankedSearch#WINDOW} are then asked for by id and added
 * here, since OpenSearch's own rescoring cannot keep the tie order (it allows no sort) and place scores tie often.
 */
@Service
@ConditionalOnProperty(name = "shegong.search.backend", havingValue = "opensearch")
public class OpenSearchEngine extends AnalysedSearchEngine {

    private static final List<Object> BEST_THEN_NEWEST = List.of(Map.of("_score", "desc"),
            Map.of(ArticleDocuments.PUBLISHED, "desc"));
    private static final List<Object> NEWEST = List.of(Map.of(ArticleDocuments.PUBLISHED, "desc"));
    private static final Map<String, Object> STORED = Map.of("includes", List.of(OpenSearchDocuments.STORED));

    private final OpenSearchIndex index;
    private final OpenSearchQueries dsl;

    public OpenSearchEngine(OpenSearchIndex index, IndexRebuilder rebuilder, SearchProperties properties, Clock clock) {
        this(index, rebuilder, properties, clock, RegionWords.NONE);
    }

    /** With region words: a place's name in a query also finds what is tagged with that place or one under it. */
    @Autowired
    public OpenSearchEngine(@Lazy OpenSearchIndex index, @Lazy IndexRebuilder rebuilder, SearchProperties properties,
                            Clock clock, RegionDirectory regions) {
        this(index, rebuilder, properties, clock, new RegionWords(regions));
    }

    private OpenSearchEngine(OpenSearchIndex index, IndexRebuilder rebuilder, SearchProperties properties, Clock clock,
                             RegionWords regionWords) {
        super(index, rebuilder, properties, clock, new QueryBuilder(properties, SearchAnalyzers.bigrams(), regionWords));
        this.index = index;
        this.dsl = new OpenSearchQueries(properties);
    }

    @Override
    Analyzer wordAnalyzer() {
        return index.wordAnalyzer();
    }

    @Override
    Top top(Query query, QueryText text, SearchQuery request, int page, int size) {
        int from = (page - 1) * size;
        if (request.sort() == SearchQuery.Sort.NEWEST) {
            JsonNode answer = search(body(query, size, NEWEST, from));
            return new Top(stored(answer.path("hits").path("hits"), null), total(answer), lowerBound(answer));
        }
        List<Object> rescoring = bonuses(text);
        int n = page * size;
        Map<String, Object> first = body(query, rescoring.isEmpty() ? n : Math.max(n, RankedSearch.WINDOW),
                BEST_THEN_NEWEST, 0);
        first.put("_source", false);
        JsonNode answer = search(first);
        List<Candidate> candidates = new ArrayList<>();
        for (JsonNode hit : answer.path("hits").path("hits")) {
            candidates.add(new Candidate(hit.path("_id").asString(), (float) hit.path("sort").get(0).asDouble(),
                    hit.path("sort").get(1).asLong()));
        }
        if (!rescoring.isEmpty()) {
            rescore(rescoring, candidates.subList(0, Math.min(RankedSearch.WINDOW, candidates.size())));
        }
        List<Candidate> shown = candidates.subList(Math.min(from, candidates.size()), Math.min(n, candidates.size()));
        return new Top(fetch(shown), total(answer), lowerBound(answer));
    }

    /** A hit on its way through the two stages; its score grows in stage two. */
    private static final class Candidate {

        static final Comparator<Candidate> ORDER = Comparator.comparingDouble((Candidate c) -> -c.score)
                .thenComparing(Comparator.comparingLong((Candidate c) -> c.published).reversed());

        final String key;
        final long published;
        float score;

        Candidate(String key, float score, long published) {
            this.key = key;
            this.score = score;
            this.published = published;
        }
    }

    /**
     * What stage two adds ({@link QueryBuilder#rescoring}): the whole-phrase bonus, and the recency bonus as
     * OpenSearch's {@code distance_feature}, which is Lucene's: weight × pivot / (pivot + age).
     */
    private List<Object> bonuses(QueryText text) {
        List<Object> bonuses = new ArrayList<>();
        Query phrase = queries.phraseBonus(text);
        if (phrase != null) {
            bonuses.add(dsl.of(phrase));
        }
        if (properties.recencyWeight() > 0) {
            bonuses.add(Map.of("distance_feature", Map.of("field", ArticleDocuments.PUBLISHED,
                    "origin", Long.toString(clock.millis()),
                    "pivot", Math.max(1, properties.recencyPivot().toMillis()) + "ms",
                    "boost", properties.recencyWeight())));
        }
        return bonuses;
    }

    /** Adds the bonuses to these candidates (in place) and sorts them again (stable: ties keep their order). */
    private void rescore(List<Object> bonuses, List<Candidate> window) {
        if (window.isEmpty()) {
            return;
        }
        Map<String, Candidate> byKey = new HashMap<>();
        window.forEach(c -> byKey.put(c.key, c));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", Map.of("bool", Map.of("filter", List.of(Map.of("ids", Map.of("values", List.copyOf(byKey.keySet())))),
                "should", bonuses)));
        body.put("size", window.size());
        body.put("_source", false);
        for (JsonNode hit : search(body).path("hits").path("hits")) {
            Candidate candidate = byKey.get(hit.path("_id").asString());
            if (candidate != null) {
                candidate.score += (float) hit.path("_score").asDouble();
            }
        }
        window.sort(Candidate.ORDER);
    }

    /** What the candidates show, in their order, with their final scores. */
    private List<Stored> fetch(List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<String, Object> body = Map.of("ids", candidates.stream().map(c -> c.key).toList());
        JsonNode docs = index.client().send("POST", "/" + index.name() + "/_mget?_source_includes="
                + OpenSearchDocuments.STORED, body).path("docs");
        Map<String, Float> scores = new HashMap<>();
        candidates.forEach(c -> scores.put(c.key, c.score));
        return stored(docs, scores);
    }

    @Override
    List<Stored> partialTop(Query query, int n) {
        return stored(search(body(query, n, BEST_THEN_NEWEST, 0)).path("hits").path("hits"), null);
    }

    @Override
    Frequencies frequencies(Collection<Term> terms) {
        Map<String, Object> filters = new LinkedHashMap<>();
        List<Term> list = List.copyOf(terms);
        for (int i = 0; i < list.size(); i++) {
            filters.put(Integer.toString(i), dsl.holding(list.get(i)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", Map.of("exists", Map.of("field", "key")));
        body.put("size", 0);
        body.put("track_total_hits", true);
        if (!filters.isEmpty()) {
            body.put("aggs", Map.of("f", Map.of("filters", Map.of("filters", filters))));
        }
        JsonNode answer = search(body);
        Map<Term, Long> counts = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            counts.put(list.get(i), answer.path("aggregations").path("f").path("buckets").path(Integer.toString(i))
                    .path("doc_count").asLong());
        }
        return Frequencies.of(total(answer), counts);
    }

    @Override
    boolean exists(Query query) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", Map.of("constant_score", Map.of("filter", dsl.of(query))));
        body.put("size", 0);
        body.put("terminate_after", 1);
        body.put("track_total_hits", 1);
        return total(search(body)) > 0;
    }

    @Override
    List<Stored> newest(Query query, int n) {
        Map<String, Object> body = body(query, n, NEWEST, 0);
        body.put("track_total_hits", false);
        return stored(search(body).path("hits").path("hits"), null);
    }

    @Override
    RegionCounts facets(Query query) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", dsl.of(query));
        body.put("size", 0);
        body.put("terminate_after", RegionFacets.LIMIT);
        body.put("aggs", Map.of("p", Map.of("terms", Map.of("field", ArticleDocuments.REGION_PROVINCE, "size", 500))));
        JsonNode answer = search(body);
        Map<String, Long> counts = new HashMap<>();
        for (JsonNode bucket : answer.path("aggregations").path("p").path("buckets")) {
            counts.put(bucket.path("key").asString(), bucket.path("doc_count").asLong());
        }
        return new RegionCounts(counts, answer.path("terminated_early").asBoolean(false));
    }

    private Map<String, Object> body(Query query, int size, List<Object> sort, int from) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", dsl.of(query));
        body.put("from", from);
        body.put("size", size);
        body.put("sort", sort);
        body.put("track_total_hits", COUNT_LIMIT);
        body.put("_source", STORED);
        return body;
    }

    private JsonNode search(Map<String, Object> body) {
        try {
            return index.client().send("POST", "/" + index.name() + "/_search", body);
        } catch (OpenSearchClient.Failure e) {
            if (e.status() == 400 && e.getMessage().contains("too_many")) {
                throw new TooComplex(e);
            }
            throw e;
        }
    }

    private static long total(JsonNode answer) {
        return answer.path("hits").path("total").path("value").asLong();
    }

    private static boolean lowerBound(JsonNode answer) {
        return "gte".equals(answer.path("hits").path("total").path("relation").asString());
    }

    /** Hits (or mget docs) as results show them; scores from {@code scores} by id, else the hit's score. */
    private static List<Stored> stored(JsonNode hits, Map<String, Float> scores) {
        List<Stored> docs = new ArrayList<>();
        for (JsonNode hit : hits) {
            JsonNode s = hit.path("_source").path(OpenSearchDocuments.STORED);
            if (s.isMissingNode()) {
                continue; // removed between the two requests
            }
            float score = scores != null ? scores.getOrDefault(hit.path("_id").asString(), 0f)
                    : hit.path("sort").isArray() && hit.path("sort").size() == 2
                    ? (float) hit.path("sort").get(0).asDouble() : (float) hit.path("_score").asDouble(Float.NaN);
            docs.add(new Stored(Long.parseLong(s.path(ArticleDocuments.ID).asString()),
                    s.path(ArticleDocuments.TITLE).asString(), text(s, ArticleDocuments.SUMMARY),
                    text(s, ArticleDocuments.BODY), s.path(ArticleDocuments.PRIMARY_COLUMN).asLong(),
                    Kind.valueOf(s.path(ArticleDocuments.KIND).asString()),
                    s.path(ArticleDocuments.PUBLISHED).asLong(), score));
        }
        return docs;
    }

    private static String text(JsonNode stored, String field) {
        JsonNode value = stored.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }
}
