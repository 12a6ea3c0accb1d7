package org.shegong.region.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionDirectoryTest {

    private static final RegionDirectory DIRECTORY = RegionDirectory.load("china-division-2.7.0");

    @Test
    void loadsProvincesCitiesAndCountiesWithTheirChain() {
        assertThat(DIRECTORY.provinces()).hasSize(34);
        assertThat(DIRECTORY.chain("210112")).extracting(Region::name).containsExactly("辽宁省", "沈阳市", "浑南区");
        assertThat(DIRECTORY.chain("110105")).extracting(Region::name).containsExactly("北京市", "朝阳区");
        assertThat(DIRECTORY.chain("429004")).extracting(Region::name).containsExactly("湖北省", "仙桃市");
        assertThat(DIRECTORY.children("210000")).extracting(Region::name).contains("沈阳市", "大连市").hasSize(14);
    }

    @Test
    void derivesShortNames() {
        assertThat(DIRECTORY.require("450000").shortName()).isEqualTo("广西");
        assertThat(DIRECTORY.require("650000").shortName()).isEqualTo("新疆");
        assertThat(DIRECTORY.require("150000").shortName()).isEqualTo("内蒙古");
        assertThat(DIRECTORY.require("810000").shortName()).isEqualTo("香港");
        assertThat(DIRECTORY.require("222400").shortName()).isEqualTo("延边");
        assertThat(DIRECTORY.require("522600").shortName()).isEqualTo("黔东南");
        assertThat(DIRECTORY.require("654000").shortName()).isEqualTo("伊犁");
        assertThat(DIRECTORY.require("632800").shortName()).isEqualTo("海西");
        assertThat(DIRECTORY.require("210112").shortName()).isEqualTo("浑南");
        assertThat(DIRECTORY.require("310115").shortName()).isEqualTo("浦东");
        assertThat(DIRECTORY.require("152900").shortName()).isEqualTo("阿拉善");
    }

    @Test
    void theMacroRegionsAreThoseOfTheWholeDirectoryInItsOrder() {
        assertThat(DIRECTORY.macros()).extracting(Region::code)
                .containsExactlyElementsOf(DIRECTORY.all().stream().filter(r -> r.level() == RegionLevel.MACRO)
                        .map(Region::code).toList())
                .contains("dongbei", "huabei");
    }

    @Test
    void macroRegionsContainTheirProvinces() {
        assertThat(DIRECTORY.children("dongbei")).extracting(Region::shortName).containsExactly("辽宁", "吉林", "黑龙江");
        assertThat(DIRECTORY.within("210112", "dongbei")).isTrue();
        assertThat(DIRECTORY.within("210112", "huabei")).isFalse();
        assertThat(DIRECTORY.within("210112", "210100")).isTrue();
        assertThat(DIRECTORY.named("朝阳")).extracting(Region::code).contains("211300", "110105", "220104");
    }
}
