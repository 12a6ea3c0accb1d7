package org.shegong.search.query;

import org.shegong.search.analysis.Lexicon;
import org.shegong.search.index.ArticleDocuments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.shegong.system.Han;

/**
 * What a reader typed, made safe and split into the parts every hit must contain. The text is capped and
 * stripped of control characters; it is never handed to a query parser, so Lucene syntax is just text.
 * Parts are the analyzer's words; a lone character (smartcn's way of saying "unknown word", e.g. 浑 / 南区) is
 * joined to its neighbour into one {@link Part#unknown() unknown} part that is searched as a bigram phrase.
 */
public record QueryText(String text, List<Part> parts) {

    /** One thing a hit must contain: a word, or a run of characters smartcn did not recognise as a word. */
    record Part(String text, boolean unknown) {
    }

    /** Single characters that carry no meaning of their own in a query (dropped unless nothing else is left). */
    private static final String FUNCTION_CHARACTERS = "的了在和与及是等为对把被从向将就都也还而并或之其";

    static QueryText parse(String raw, Analyzer words, Lexicon lexicon, int maxLength, int maxParts) {
        String text = clean(raw, maxLength);
        if (text.isBlank()) {
            return new QueryText("", List.of());
        }
        List<Token> tokens = tokens(words, QuestionWords.strip(text)).stream().filter(t -> t.text.codePoints().anyMatch(Character::isLetterOrDigit))
                .toList();
        List<Token> merged = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (!token.isLoneHan() || FUNCTION_CHARACTERS.indexOf(token.text.charAt(0)) >= 0) {
                merged.add(token);
                continue;
            }
            // smartcn splits words it does not know into characters (浑 / 南区): glue the character to its
            // neighbour and search the result as a phrase, so the characters must stand together.
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            Token previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            boolean afterNumber = previous != null && previous.end == token.start
                    && previous.text.chars().allMatch(Character::isDigit);
            if (afterNumber) {
                merged.add(token); // 2021年, 10万: a unit, not part of an unknown word
            } else if (next != null && next.start == token.end && next.isHan() && !next.isFunction()
                    && !lexicon.isWord(next.text)) {
                tokens = replace(tokens, i + 1, new Token(token.text + next.text, token.start, next.end, true));
            } else if (previous != null && previous.end == token.start && previous.isHan()
                    && !lexicon.isWord(previous.text) && !previous.isFunction()) {
                merged.set(merged.size() - 1, new Token(previous.text + token.text, previous.start, token.end, true));
            } else {
                merged.add(token);
            }
        }
        List<Part> parts = new ArrayList<>();
        for (Token token : merged) {
            if (parts.stream().noneMatch(p -> p.text.equals(token.text))) {
                parts.add(new Part(token.text, token.unknown));
            }
        }
        if (parts.size() > 1) {
            parts.removeIf(p -> p.text.length() == 1 && FUNCTION_CHARACTERS.indexOf(p.text.charAt(0)) >= 0);
        }
        return new QueryText(text, parts.size() > maxParts ? List.copyOf(parts.subList(0, maxParts)) : List.copyOf(parts));
    }

    private static List<Token> replace(List<Token> tokens, int index, Token replacement) {
        List<Token> copy = new ArrayList<>(tokens);
        copy.set(index, replacement);
        return copy;
    }

    boolean isEmpty() {
        return parts.isEmpty();
    }

    /** The parts run together, for the whole-phrase bonus. */
    String phrase() {
        StringBuilder phrase = new StringBuilder();
        parts.forEach(p -> phrase.append(p.text));
        return phrase.toString();
    }

    /** Cuts at {@code maxLength} code points (never inside a surrogate pair) and drops control characters. */
    public static String clean(String raw, int maxLength) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (int i = 0; i < raw.length() && count < maxLength; ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.SURROGATE) {
                out.append(' ');
            } else {
                out.appendCodePoint(cp);
            }
            count++;
        }
        return out.toString().strip().replaceAll("\\s+", " ");
    }


    private static List<Token> tokens(Analyzer analyzer, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(ArticleDocuments.TITLE, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (increment.getPositionIncrement() > 0 && term.length() > 0) {
                    tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset(), false));
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private record Token(String text, int start, int end, boolean unknown) {

        boolean isHan() {
            return Han.all(text);
        }

        boolean isLoneHan() {
            return text.length() == 1 && isHan();
        }

        boolean isFunction() {
            return text.length() == 1 && FUNCTION_CHARACTERS.indexOf(text.charAt(0)) >= 0;
        }
    }
}
