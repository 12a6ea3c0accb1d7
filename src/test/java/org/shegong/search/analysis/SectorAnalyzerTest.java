package org.shegong.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Token tables in the manner of Lucene's TestSmartChineseAnalyzer: each row is a text and the tokens the word
 * analysis must give, {@code +} marking a token stacked on the previous position, {@code [s,e]} its offsets.
 */
class SectorAnalyzerTest {

    private static final Lexicon LEXICON = Lexicon.load(null);
    private static final Analyzer WORDS = SearchAnalyzers.words(() -> LEXICON);
    private static final Analyzer BIGRAMS = SearchAnalyzers.bigrams();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            社工站                         | 社工站[0,3] +社工[0,2] +社[0,1] +工[1,2] +站[2,3]
            三社联动                        | 三社联动[0,4] +三[0,1] +社[1,2] +联动[2,4]
            高级社会工作师评审               | 高级社会工作师[0,7] +高级[0,2] +社会工作师[2,7] +社会工作[2,6] +社会[2,4] +工作[4,6] +师[6,7] 评审[7,9]
            乡镇(街道)社工站               | 乡镇(街道)社工站[0,9] +乡镇[0,2] +街道[3,5] +社工站[6,9] +社工[6,8] +社[6,7] +工[7,8] +站[8,9]
            乡镇（街道）社工站              | 乡镇(街道)社工站[0,9] +乡镇[0,2] +街道[3,5] +社工站[6,9] +社工[6,8] +社[6,7] +工[7,8] +站[8,9]
            社区居民在工地旁的车站            | 社区[0,2] 居民[2,4] 在[4,5] 工地[5,7] 旁[7,8] 的[8,9] 车站[9,11]
            社會工作服務站                   | 社会工作服务站[0,7] +社会工作[0,4] +社会[0,2] +工作[2,4] +服务站[4,7]
            民政廳                         | 民政厅[0,3]
            COVID-19疫情                   | covid[0,5] 19[6,8] 疫情[8,10]
            沈阳浑南区实现社会工作师占比达70%   | 沈阳[0,2] 浑南区[2,5] +浑[2,3] +南区[3,5] 实现[5,7] 社会工作师[7,12] +社会工作[7,11] +社会[7,9] +工作[9,11] +师[11,12] 占[12,13] 比[13,14] 达[14,15] 70[15,17]
            ＳＯＳ儿童村                     | sos[0,3] 儿童[3,5] 村[5,6]
            """)
    void wordTokens(String text, String expected) throws IOException {
        assertThat(tokens(WORDS, text.strip())).isEqualTo(expected.strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            社工站建设      | 社工[0,2] 工站[1,3] 站建[2,4] 建设[3,5]
            浑南区         | 浑南[0,2] 南区[1,3]
            2021年        | 2021[0,4] 年[4,5]
            """)
    void bigramTokens(String text, String expected) throws IOException {
        assertThat(tokens(BIGRAMS, text.strip())).isEqualTo(expected.strip());
    }

    static String tokens(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add((increment.getPositionIncrement() == 0 ? "+" : "") + term + "[" + offset.startOffset() + ","
                        + offset.endOffset() + "]");
            }
            stream.end();
        }
        return String.join(" ", out);
    }
}
