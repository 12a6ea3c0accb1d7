package org.shegong.region.data;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Derives the short form people write for an official name: 辽宁省 → 辽宁, 广西壮族自治区 → 广西, 延边朝鲜族自治州 →
 * 延边, 长阳土家族自治县 → 长阳, 浑南区 → 浑南. The data set has only full names; a hand-kept table of 3,000 short
 * forms would drift from it.
 */
final class ShortNames {

    /** The 55 minority peoples, longest first, as they appear in the names of autonomous areas. */
    private static final List<String> PEOPLES = Arrays.stream(("蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 "
            + "哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 "
            + "塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺").split(" "))
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    private static final List<String> PROVINCE_SUFFIXES = List.of("特别行政区", "自治区", "省", "市");
    private static final List<String> CITY_SUFFIXES = List.of("自治州", "地区", "盟", "市");
    private static final List<String> COUNTY_SUFFIXES = List.of("自治县", "自治旗", "林区", "特区", "新区", "区", "县", "市", "旗");

    private ShortNames() {
    }

    /** The short form, or null when it would be the full name or a single character. */
    static String of(String name, RegionLevel level) {
        List<String> suffixes = switch (level) {
            case PROVINCE -> PROVINCE_SUFFIXES;
            case CITY -> CITY_SUFFIXES;
            case COUNTY -> COUNTY_SUFFIXES;
            default -> List.of();
        };
        String rest = name;
        for (String suffix : suffixes) {
            if (rest.endsWith(suffix)) {
                rest = rest.substring(0, rest.length() - suffix.length());
                break;
            }
        }
        if (name.contains("自治")) {
            rest = withoutPeoples(rest);
        }
        return rest.length() < 2 || rest.equals(name) ? null : rest;
    }

    /** 延边朝鲜族 → 延边, 黔东南苗族侗族 → 黔东南, 伊犁哈萨克 → 伊犁; keeps at least two characters. */
    private static String withoutPeoples(String name) {
        String rest = name;
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String people : PEOPLES) {
                for (String form : List.of(people + "族", people)) {
                    if (rest.endsWith(form) && rest.length() - form.length() >= 2
                            && (form.endsWith("族") || form.length() >= 2)) {
                        rest = rest.substring(0, rest.length() - form.length());
                        stripped = true;
                        break;
                    }
                }
                if (stripped) {
                    break;
                }
            }
        }
        return rest;
    }
}
