package org.shegong.search.query;

import java.io.IOException;
import java.time.Instant;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.ScoreDoc;
import org.shegong.content.BodyHtml;
import org.shegong.content.Kind;
import org.shegong.search.SearchHit;
import org.shegong.search.index.ArticleDocuments;
import org.shegong.search.index.SearchIndex;

/** A hit as the pages show it, from the document's stored fields: the marked title and a snippet. */
final class StoredHits {

    private StoredHits() {
    }

    /**
     * Reads one hit. Each read decompresses 12-20 KB of LZ4 (the stored-fields block's 4 KB dictionary and the 8 KB
     * sub-blocks holding the document), nearly a constant per hit: 16-20% of an uncached search (ADR 0061).
     */
    static SearchHit read(StoredFields stored, ScoreDoc scoreDoc, Highlighter highlighter) throws IOException {
        Document doc = stored.document(scoreDoc.doc, SearchIndex.storedFields());
        String title = doc.get(ArticleDocuments.TITLE);
        String summary = doc.get(ArticleDocuments.SUMMARY);
        String snippet = highlighter.snippet(doc.get(ArticleDocuments.BODY));
        if (snippet == null) {
            snippet = highlighter.snippet(summary);
        }
        if (snippet == null) {
            snippet = BodyHtml.escape(summary == null ? "" : cut(summary, Highlighter.SNIPPET_LENGTH));
        }
        return new SearchHit(Long.parseLong(doc.get(ArticleDocuments.ID)), highlighter.highlight(title), snippet,
                doc.getField(ArticleDocuments.PRIMARY_COLUMN).numericValue().longValue(),
                Kind.valueOf(doc.get(ArticleDocuments.KIND)),
                Instant.ofEpochMilli(doc.getField(ArticleDocuments.PUBLISHED).numericValue().longValue()),
                scoreDoc.score);
    }

    private static String cut(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = Character.isLowSurrogate(text.charAt(length)) ? length - 1 : length;
        return text.substring(0, end) + "…";
    }
}
