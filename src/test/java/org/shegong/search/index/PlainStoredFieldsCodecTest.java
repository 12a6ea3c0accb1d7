package org.shegong.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stored fields written uncompressed read back exactly: small and empty values, values larger than a chunk (read in
 * slices), in any order, after merges, and in an index whose older segments were written with Lucene's default
 * codec (an index from before ADR 0074), which a merge then rewrites with this one.
 */
class PlainStoredFieldsCodecTest {

    @TempDir
    Path dir;

    private final Random random = new Random(42);

    /** Chinese and ASCII text of a random length: mostly article-sized, some empty, some over 200 KB. */
    private String text(int i) {
        int length = switch (i % 50) {
            case 0 -> 0;
            case 1 -> 200_000 + random.nextInt(100_000);
            default -> random.nextInt(6_000);
        };
        StringBuilder text = new StringBuilder(length);
        for (int c = 0; c < length; c++) {
            text.append(c % 7 == 0 ? (char) ('a' + random.nextInt(26)) : (char) ('一' + random.nextInt(2_000)));
        }
        return text.toString();
    }

    private List<String> write(IndexWriter writer, int from, int count) throws IOException {
        List<String> bodies = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            String body = text(i);
            bodies.add(body);
            Document doc = new Document();
            doc.add(new StringField("id", Integer.toString(i), Field.Store.YES));
            doc.add(new StoredField("body", body));
            doc.add(new StoredField("published", 1_600_000_000_000L + i));
            writer.addDocument(doc);
            if (i % 300 == 299) {
                writer.flush();
            }
        }
        return bodies;
    }

    private static void assertReadsBack(DirectoryReader reader, List<String> bodies) throws IOException {
        assertThat(reader.numDocs()).isEqualTo(bodies.size());
        List<Integer> order = new ArrayList<>();
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            order.add(doc);
        }
        Collections.shuffle(order, new Random(7));
        StoredFields stored = reader.storedFields();
        for (int doc : order) {
            Document d = stored.document(doc);
            int id = Integer.parseInt(d.get("id"));
            assertThat(d.get("body")).as("body of %d", id).isEqualTo(bodies.get(id));
            assertThat(d.getField("published").numericValue().longValue()).isEqualTo(1_600_000_000_000L + id);
        }
    }

    private static List<String> codecs(FSDirectory directory) throws IOException {
        List<String> names = new ArrayList<>();
        for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(directory)) {
            names.add(segment.info.getCodec().getName());
        }
        return names;
    }

    @Test
    void storedFieldsReadBackInAnyOrderBeforeAndAfterMerging() throws IOException {
        try (FSDirectory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setCodec(new PlainStoredFieldsCodec()))) {
            List<String> bodies = write(writer, 0, 1_200);
            writer.commit();
            assertThat(codecs(directory)).hasSizeGreaterThan(1).containsOnly(PlainStoredFieldsCodec.NAME);
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                assertReadsBack(reader, bodies);
            }
            writer.forceMerge(1);
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                assertReadsBack(reader, bodies);
            }
        }
    }

    @Test
    void anIndexWrittenWithTheDefaultCodecStaysReadableAndMergesIntoThePlainOne() throws IOException {
        List<String> bodies;
        try (FSDirectory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setCodec(new Lucene912Codec()))) {
            bodies = new ArrayList<>(write(writer, 0, 600));
            writer.commit();
        }
        try (FSDirectory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setCodec(new PlainStoredFieldsCodec()))) {
            bodies.addAll(write(writer, 600, 600));
            writer.commit();
            assertThat(codecs(directory)).contains("Lucene912", PlainStoredFieldsCodec.NAME);
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                assertReadsBack(reader, bodies);
            }
            writer.forceMerge(1);
            writer.commit();
            assertThat(codecs(directory)).containsExactly(PlainStoredFieldsCodec.NAME);
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                assertReadsBack(reader, bodies);
            }
        }
    }

    /** Lucene finds a segment's codec by the name written in it, through the service registration. */
    @Test
    void theCodecIsFoundByItsName() {
        assertThat(Codec.forName(PlainStoredFieldsCodec.NAME)).isInstanceOf(PlainStoredFieldsCodec.class);
    }
}
