package org.shegong.search.analysis;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.lucene.analysis.cn.smart.WordType;
import org.apache.lucene.analysis.cn.smart.hhmm.HHMMSegmenter;
import org.apache.lucene.analysis.cn.smart.hhmm.SegToken;
import org.apache.lucene.analysis.cn.smart.hhmm.SegTokenFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.analysis.util.SegmentingTokenizerBase;

/**
 * smartcn's segmentation with the sector dictionary protected: in each sentence the longest dictionary word at
 * each position is emitted whole (社工站, not 社 / 工 / 站) and only the text between dictionary words goes to
 * smartcn's HMM segmenter. Inside a dictionary word, the dictionary words it contains and smartcn's pieces of it
 * are stacked at the same position (type {@code part}), so 高级社会工作师 is also found by 社会工作师 and by 工作师,
 * while a query for the whole word (which keeps only unstacked tokens) still needs the whole word.
 */
final class SectorTokenizer extends SegmentingTokenizerBase {

    static final String WORD = "word";
    static final String DICTIONARY = "dictionary";
    static final String PART = "part";

    private static final BreakIterator SENTENCES = BreakIterator.getSentenceInstance(Locale.ROOT);

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsets = addAttribute(OffsetAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final Supplier<Lexicon> lexicon;
    private final HHMMSegmenter segmenter = new HHMMSegmenter();
    private final SegTokenFilter segFilter = new SegTokenFilter();
    private final List<Piece> pieces = new ArrayList<>();
    private final boolean segmentRest;
    private int next;

    /**
     * @param segmentRest whether text outside dictionary words goes to smartcn; false gives the dictionary
     *                    words alone, a cheap analysis for long bodies whose other words the bigram field covers
     */
    SectorTokenizer(Supplier<Lexicon> lexicon, boolean segmentRest) {
        super(DEFAULT_TOKEN_ATTRIBUTE_FACTORY, (BreakIterator) SENTENCES.clone());
        this.lexicon = lexicon;
        this.segmentRest = segmentRest;
    }

    @Override
    protected void setNextSentence(int sentenceStart, int sentenceEnd) {
        pieces.clear();
        next = 0;
        Lexicon words = lexicon.get();
        int gapStart = sentenceStart;
        int i = sentenceStart;
        while (i < sentenceEnd) {
            int length = words.longestWordAt(buffer, i, sentenceEnd);
            if (length == 0) {
                i++;
                continue;
            }
            segment(gapStart, i, 1);
            pieces.add(new Piece(new String(buffer, i, length), i, i + length, 1, DICTIONARY));
            int firstPart = pieces.size();
            stackContainedWords(words, i, i + length);
            segment(i, i + length, 0);
            sortParts(firstPart);
            i += length;
            gapStart = i;
        }
        segment(gapStart, sentenceEnd, 1);
    }

    private void stackContainedWords(Lexicon words, int start, int end) {
        for (int from = start; from < end; from++) {
            for (int to = end; to >= from + 2; to--) {
                if ((from != start || to != end) && words.isWord(new String(buffer, from, to - from))) {
                    pieces.add(new Piece(new String(buffer, from, to - from), from, to, 0, PART));
                }
            }
        }
    }

    /** Lucene wants offsets that never go backwards: stacked parts in order of start, duplicates dropped. */
    private void sortParts(int from) {
        List<Piece> parts = new ArrayList<>(pieces.subList(from, pieces.size()));
        pieces.subList(from, pieces.size()).clear();
        parts.sort(java.util.Comparator.comparingInt(Piece::start).thenComparing(p -> -p.end()));
        for (Piece part : parts) {
            if (pieces.stream().skip(from - 1).noneMatch(p -> p.start() == part.start() && p.end() == part.end())) {
                pieces.add(part);
            }
        }
    }

    /** smartcn's words for buffer[start, end); {@code increment} 0 stacks them on the preceding dictionary word. */
    private void segment(int start, int end, int increment) {
        if (end <= start || !segmentRest) {
            return;
        }
        String text = new String(buffer, start, end - start);
        List<SegToken> tokens = segmenter.process(text);
        for (int k = 1; k < tokens.size() - 1; k++) {
            SegToken token = tokens.get(k);
            if (token.wordType == WordType.DELIMITER) {
                continue;
            }
            if (token.wordType == WordType.STRING || token.wordType == WordType.NUMBER
                    || token.wordType == WordType.FULLWIDTH_STRING || token.wordType == WordType.FULLWIDTH_NUMBER) {
                token.charArray = text.substring(token.startOffset, token.endOffset).toCharArray();
            }
            token = segFilter.filter(token);
            String word = new String(token.charArray);
            if (increment == 0 && token.endOffset - token.startOffset == end - start) {
                continue; // smartcn agrees with the dictionary: nothing to stack
            }
            pieces.add(new Piece(word, start + token.startOffset, start + token.endOffset, increment,
                    increment == 0 ? PART : WORD));
        }
    }

    @Override
    protected boolean incrementWord() {
        if (next >= pieces.size()) {
            return false;
        }
        Piece piece = pieces.get(next++);
        clearAttributes();
        term.setEmpty().append(piece.text);
        offsets.setOffset(correctOffset(offset + piece.start), correctOffset(offset + piece.end));
        type.setType(piece.type);
        increment.setPositionIncrement(piece.increment);
        return true;
    }

    @Override
    public void reset() throws java.io.IOException {
        super.reset();
        pieces.clear();
        next = 0;
    }

    private record Piece(String text, int start, int end, int increment, String type) {
    }
}
