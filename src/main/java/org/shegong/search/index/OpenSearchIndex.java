package org.shegong.search.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.shegong.content.ArticleStatus;
import org.shegong.search.analysis.Lexicon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The index on an OpenSearch cluster (ADR 0057), written like the Lucene one: the same documents
 * ({@link OpenSearchDocuments}), the same generations for a rebuild in place (the old documents answer until the
 * rebuild removes those it did not rewrite), and the index's state (complete, outbox position covered, last
 * rebuild) in a document of its own, written as the Lucene index writes it into its commit. The index's name
 * carries the schema version: a version with other fields or analysis starts a new index and rebuilds it.
 * Writes are buffered and sent in bulk, in the order they were made; {@link #commitAndRefresh()} sends them and
 * makes them searchable. OpenSearch acknowledges a write once its translog is on disk.
 */
public class OpenSearchIndex extends GenerationalIndex {

    /** The state document's id and field (never matched by a search: it has no status or stage). */
    static final String STATE = "state";
    private static final int BULK_LINES = 1_000;
    private static final Logger log = LoggerFactory.getLogger(OpenSearchIndex.class);

    private final OpenSearchClient client;
    private final String name;
    private final Analyzer perField;
    private final List<Object> pending = new ArrayList<>();

    /** Opens (or creates) the index {@code prefix-s<schema>}; the client is closed with it. */
    public OpenSearchIndex(OpenSearchClient client, String prefix, int shards, int replicas, Lexicon lexicon) {
        super(lexicon);
        this.client = client;
        this.name = prefix + "-s" + SearchIndex.SCHEMA;
        this.perField = analysis().perField();
        if (!client.exists("/" + name)) {
            log.warn("OpenSearch 索引 {} 不存在，将创建并在后台重建", name);
            client.send("PUT", "/" + name, OpenSearchDocuments.definition(shards, replicas));
            rebuildNeeded();
            saveState();
            return;
        }
        Map<String, String> data = new HashMap<>();
        try {
            JsonNode state = client.send("GET", "/" + name + "/_doc/" + STATE, null);
            state.path("_source").path(STATE).properties().forEach(e -> data.put(e.getKey(), e.getValue().asString()));
        } catch (OpenSearchClient.Failure e) {
            if (e.status() != 404) {
                throw e;
            }
        }
        restore(data);
        if (!"true".equals(data.get(COMPLETE_KEY))) {
            log.warn("OpenSearch 索引 {} 上次重建未完成，将在后台重建", name);
            rebuildNeeded();
        }
    }

    public OpenSearchClient client() {
        return client;
    }

    /** The index's name on the cluster. */
    public String name() {
        return name;
    }

    public Analyzer wordAnalyzer() {
        return analysis().wordAnalyzer();
    }

    @Override
    void put(Term key, Document doc) {
        Map<String, Object> source = OpenSearchDocuments.source(doc, perField); // analysed outside the monitor
        write(Map.of("index", Map.of("_id", key.text())), source);
    }

    @Override
    void remove(Term key) {
        write(Map.of("delete", Map.of("_id", key.text())));
    }

    /** Buffers bulk lines; a full buffer is sent at once, under the monitor, so writes reach the index in order. */
    private synchronized void write(Object... lines) {
        pending.addAll(List.of(lines));
        if (pending.size() >= BULK_LINES) {
            send();
        }
    }

    private synchronized void send() {
        if (!pending.isEmpty()) {
            List<Object> lines = List.copyOf(pending);
            pending.clear();
            client.bulk("/" + name + "/_bulk", lines);
        }
    }

    @Override
    synchronized void removeGenerationsBefore(long generation) {
        send();
        refresh();
        client.send("POST", "/" + name + "/_delete_by_query?conflicts=proceed&refresh=true",
                Map.of("query", Map.of("range", Map.of(ArticleDocuments.GENERATION, Map.of("lt", generation)))));
    }

    /** The buffered writes, then the state as the Lucene index keeps it in its commit; durable once acknowledged. */
    @Override
    synchronized void saveState() {
        send();
        client.send("PUT", "/" + name + "/_doc/" + STATE, Map.of(STATE, state()));
    }

    @Override
    void refresh() {
        client.send("POST", "/" + name + "/_refresh", null);
    }

    @Override
    public long documentCount() {
        return count(Map.of("exists", Map.of("field", OpenSearchDocuments.KEY)));
    }

    @Override
    public long publicDocumentCount() {
        return count(Map.of("term", Map.of(ArticleDocuments.STATUS, ArticleStatus.LIVE.name())));
    }

    private long count(Map<String, Object> query) {
        return client.send("POST", "/" + name + "/_count", Map.of("query", query)).path("count").asLong();
    }

    @Override
    public void close() {
        try {
            send();
        } catch (RuntimeException e) {
            log.warn("Sending the last writes to OpenSearch failed (their outbox events are delivered again)", e);
        } finally {
            client.close();
        }
    }
}
