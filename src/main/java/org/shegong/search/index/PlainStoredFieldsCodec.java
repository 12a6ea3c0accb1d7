package org.shegong.search.index;

import java.io.IOException;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's default codec with stored fields kept uncompressed (ADR 0074). A results page reads 20 hits' stored
 * fields; with the default (LZ4 over 80 KB blocks with a preset dictionary) each hit decompressed the dictionary and
 * the sub-block holding it, 12-20 KB, to return one article's 4 KB: a fifth of a realistic search's CPU under load.
 * Uncompressed, a hit reads its own bytes and nothing else. The stored text takes more disk and page cache (the
 * measured growth is in the ADR); the index is derived data, so the choice can be undone by a rebuild.
 *
 * <p>Registered under its own name (META-INF/services), which Lucene writes into every segment: segments written
 * before keep the default codec and stay readable; merges rewrite them with this one.
 */
public final class PlainStoredFieldsCodec extends FilterCodec {

    public static final String NAME = "ShegongPlainStored912";

    private final StoredFieldsFormat storedFields = new Lucene90CompressingStoredFieldsFormat(
            "ShegongPlainStoredFields", PLAIN, 80 * 1024, 1024, 10);

    public PlainStoredFieldsCodec() {
        super(NAME, new Lucene912Codec());
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return storedFields;
    }

    /** Bytes as they are. Lucene hands a decompressor a chunk's data and the slice of it a document occupies. */
    static final CompressionMode PLAIN = new CompressionMode() {
        @Override
        public Compressor newCompressor() {
            return new Compressor() {
                @Override
                public void compress(ByteBuffersDataInput in, DataOutput out) throws IOException {
                    out.copyBytes(in, in.length() - in.position());
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public Decompressor newDecompressor() {
            return new PlainDecompressor();
        }

        @Override
        public String toString() {
            return "PLAIN";
        }
    };

    private static final class PlainDecompressor extends Decompressor {

        @Override
        public void decompress(DataInput in, int originalLength, int offset, int length, BytesRef bytes)
                throws IOException {
            if (offset < 0 || length < 0 || offset + length > originalLength) {
                throw new CorruptIndexException("stored slice " + offset + "+" + length + " outside a chunk of "
                        + originalLength + " bytes", in);
            }
            in.skipBytes(offset);
            bytes.bytes = ArrayUtil.growNoCopy(bytes.bytes, length);
            in.readBytes(bytes.bytes, 0, length);
            bytes.offset = 0;
            bytes.length = length;
        }

        @Override
        public Decompressor clone() {
            return new PlainDecompressor();
        }
    }
}
