package org.shegong.editorial.sensitive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.editorial.workflow.RevisionContent;
import org.shegong.content.Kind;
import org.shegong.system.MutableClock;
import org.shegong.system.MutableClockConfig;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;

/** The forbidden-word list on H2, PostgreSQL and MariaDB, and the scan of an article's fields. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class SensitiveWordsTest {

    @Parameter
    DatabaseTarget target;

    SensitiveWords words;

    @BeforeEach
    void setUp() {
        words = new SensitiveWords(TestDatabase.fresh(target).jdbc(), new MutableClock(MutableClockConfig.START));
    }

    @Test
    void addsEachWordOnceRemovesAndScansTitleSummaryAndBodyText() {
        assertThat(words.add("赌博\n 色情 ，赌博、", 1L)).isEqualTo(2);
        assertThat(words.add("赌博", 1L)).isZero();
        assertThat(words.all()).containsExactlyInAnyOrder("赌博", "色情");

        List<SensitiveHit> hits = words.scan("打击网络赌博专项行动", null, "摘要无事", "<p>严禁<b>色</b>情内容。</p>");
        assertThat(hits).containsExactly(new SensitiveHit("标题", "赌博", "打击网络", "专项行动"),
                new SensitiveHit("正文", "色情", "严禁", "内容。"));

        assertThat(words.remove("赌博")).isTrue();
        assertThat(words.remove("赌博")).isFalse();
        assertThat(words.scan("打击网络赌博专项行动", null, "摘要无事", "<p>严禁<b>色</b>情内容。</p>")).extracting(SensitiveHit::word).containsExactly("色情");
        assertThat(words.scanText("留言", "拒绝色情")).extracting(SensitiveHit::field).containsExactly("留言");
        assertThatThrownBy(() -> words.add("长".repeat(101), 1L)).hasMessageStartingWith("敏感词不能超过 100 字");
    }
}
