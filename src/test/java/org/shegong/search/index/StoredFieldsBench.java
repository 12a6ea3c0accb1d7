package org.shegong.search.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.shegong.system.Medians;

/**
 * What reading a hit's stored fields costs with Lucene's default stored fields (LZ4, preset dictionary) and with
 * {@link PlainStoredFieldsCodec} (not a test; run by bench/stored-fields.sh). Copies an existing index into a
 * temporary directory with the plain codec (addIndexes rewrites every segment), then reads the stored fields a
 * results page reads for random documents, alternating the two indexes per round, and prints the median time per
 * document, the ratio and the sizes of the two indexes' stored-field files.
 */
public final class StoredFieldsBench {

    public static void main(String[] args) throws IOException {
        Path source = Path.of(args[0]);
        int docs = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path copy = Files.createTempDirectory("stored-fields-bench");
        try (FSDirectory from = FSDirectory.open(source); FSDirectory to = FSDirectory.open(copy);
             DirectoryReader original = DirectoryReader.open(from)) {
            try (IndexWriter writer = new IndexWriter(to, new IndexWriterConfig().setCodec(new PlainStoredFieldsCodec())
                    .setIndexSort(original.leaves().get(0).reader().getMetaData().getSort()))) {
                List<CodecReader> readers = new ArrayList<>();
                for (LeafReaderContext leaf : original.leaves()) {
                    readers.add((CodecReader) leaf.reader());
                }
                writer.addIndexes(readers.toArray(CodecReader[]::new));
                writer.commit();
            }
            try (DirectoryReader plain = DirectoryReader.open(to)) {
                run(original, plain, docs, rounds);
            }
            System.out.printf("stored-field files: default %,d bytes, plain %,d bytes (%.2fx); whole index %,d and %,d%n",
                    size(source, ".fdt"), size(copy, ".fdt"), (double) size(copy, ".fdt") / size(source, ".fdt"),
                    size(source, ""), size(copy, ""));
        } finally {
            try (Stream<Path> files = Files.list(copy)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(copy);
        }
    }

    private static void run(DirectoryReader original, DirectoryReader plain, int docs, int rounds) throws IOException {
        Set<String> fields = SearchIndex.storedFields();
        long[][] nanos = new long[2][rounds];
        Random random = new Random(5);
        long sink = 0;
        for (int round = 0; round < rounds; round++) {
            int[] ids = random.ints(docs, 0, original.maxDoc()).toArray();
            for (int turn = 0; turn < 2; turn++) {
                int side = (round + turn) % 2; // A B, then B A
                StoredFields stored = (side == 0 ? original : plain).storedFields();
                long t0 = System.nanoTime();
                for (int id : ids) {
                    sink += stored.document(id, fields).getFields().size();
                }
                nanos[side][round] = (System.nanoTime() - t0) / docs;
            }
        }
        long a = Medians.upper(nanos[0], 1);
        long b = Medians.upper(nanos[1], 1);
        System.out.printf("%,d random documents a round, %d rounds (the first left out; %d fields read)%n", docs, rounds,
                sink / docs / rounds / 2);
        System.out.printf("  per document: default %,d ns, plain %,d ns, %.2fx%n", a, b, (double) b / a);
    }

    private static long size(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
