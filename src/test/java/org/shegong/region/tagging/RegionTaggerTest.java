package org.shegong.region.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.shegong.region.data.Region;
import org.shegong.region.data.RegionDirectory;

class RegionTaggerTest {

    private static final RegionTagger TAGGER = new RegionTagger(RegionDirectory.load("china-division-2.7.0"));

    private static String primary(String title, String summary) {
        return TAGGER.tag(title, summary, null).primary().code();
    }

    @Test
    void theTitlesFirstPlaceWinsAndIsMadeAsSpecificAsTheTitleAllows() {
        assertThat(primary("2023年 沈阳浑南区实现社会工作师占比达70%", null)).isEqualTo("210112");
        assertThat(primary("深圳社会工作援疆十年成为全国援助项目服务典范", null)).isEqualTo("440300");
        assertThat(primary("大连、沈阳两地社工交流", null)).isEqualTo("210000");
        assertThat(TAGGER.tag("深圳社会工作援疆十年", null, null).others()).extracting(Region::code).containsExactly("650000");
    }

    @Test
    void sharedNamesGoToThePlaceWhoseProvinceOrCityIsNamed() {
        assertThat(primary("辽宁朝阳：社工站助力乡村振兴", null)).isEqualTo("211300");
        assertThat(primary("北京朝阳：社区社工助力垃圾分类", null)).isEqualTo("110105");
        assertThat(primary("鼓楼区社工站开展防汛宣传", "徐州市鼓楼区民政局组织社工开展宣传。")).isEqualTo("320302");
        assertThat(primary("浙江西部山区社工站", null)).isEqualTo("330000");
    }

    @Test
    void everydayWordsAreNoPlace() {
        assertThat(primary("社会工作助力长治久安", null)).isEqualTo(Region.NATION);
        assertThat(primary("创新乡村治理的社会工作路径", null)).isEqualTo(Region.NATION);
        assertThat(primary("与会来宾共同见证社工站揭牌", null)).isEqualTo(Region.NATION);
        assertThat(primary("来宾市社会工作服务中心成立", "广西来宾市民政局主办。")).isEqualTo("451300");
    }

    @Test
    void withoutAPlaceInTheTitleTheBodyDecidesOrTheItemIsNational() {
        assertThat(primary("抗洪纪实：社工在行动", "郑州市社工机构迅速行动。郑州市民政局统筹调度。")).isEqualTo("410100");
        assertThat(primary("研讨会召开", "会议在北京召开，来自全国各地的专家参加。")).isEqualTo(Region.NATION);
        assertThat(primary("如何成为一名合格的社会工作者", null)).isEqualTo(Region.NATION);
    }
}
