package org.shegong.search.query;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.shegong.search.analysis.TextNormaliser;

/**
 * The words that make a query a question (江苏持证社工目标是多少, 怎样申请高级社工师评审): readers type them, articles
 * do not contain them, so requiring them finds nothing. They are taken out before the query is cut into parts;
 * a query made of nothing else is searched as typed.
 */
final class QuestionWords {

    /** Longest first, so 有多少 goes as a whole before 多少 is tried. */
    private static final List<String> WORDS = List.of(
            "做了什么", "干什么", "什么时候", "什么地方", "哪些地方", "哪个地方", "哪些城市", "为什么", "怎么样", "怎么办", "有多少", "是多少", "有哪些", "是哪些", "有什么", "是什么", "有没有", "是不是",
            "能不能", "可不可以", "需要什么", "在哪里", "在哪儿", "多少个", "多少人", "请问", "如何", "怎样", "怎么", "哪些",
            "哪里", "哪儿", "哪个", "什么", "是否", "能否", "多少", "吗", "呢", "么", "吧", "?");

    private static final Pattern PATTERN = Pattern.compile(WORDS.stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(Pattern::quote).collect(Collectors.joining("|")));

    private QuestionWords() {
    }

    /**
     * The text with question words replaced by spaces (so their neighbours are not glued into one word);
     * the text itself when nothing else would be left. Folding first lets 為什麼 go too.
     */
    static String strip(String text) {
        String stripped = PATTERN.matcher(TextNormaliser.normalise(text)).replaceAll(" ");
        return stripped.codePoints().anyMatch(Character::isLetterOrDigit) ? stripped : text;
    }
}
