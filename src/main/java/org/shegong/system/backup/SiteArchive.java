package org.shegong.system.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/** What the exporter and importer share about the archive's layout. */
final class SiteArchive {

    static final String MEDIA = "media/";
    /** One JSON object per line: the factory puts a newline between root values. */
    static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder().rootValueSeparator("\n").build()).build();
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private SiteArchive() {
    }

    /** Whether the file starts like a zip archive (a JSON Lines or listing import file never does). */
    static boolean looksLikeArchive(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return java.util.Arrays.equals(head, ZIP_MAGIC);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Counts and hashes what is written to one entry; closing it leaves the zip stream open. */
    static final class EntryStream extends FilterOutputStream {

        final MessageDigest digest = sha256();
        long bytes;

        EntryStream(OutputStream zip) {
            super(zip);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            bytes++;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
            digest.update(buffer, offset, length);
            bytes += length;
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
