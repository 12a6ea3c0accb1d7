package org.shegong.region.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.shegong.region.data.Region;
import org.shegong.region.data.RegionDirectory;
import org.shegong.region.data.RegionLevel;

/**
 * The tagger against hand-labelled items: the seed page's 50 items and about 300 sentences written for it (full
 * and short names, counties, names shared by several places, 援疆/援藏 items, national items, items naming two
 * provinces, everyday words that contain a place name). Prints precision and recall for the primary province
 * (全国 counts as one) and for the city, and the items it got wrong.
 */
class RegionTaggingTableTest {

    private static final RegionDirectory DIRECTORY = RegionDirectory.load("china-division-2.7.0");
    private static final RegionTagger TAGGER = new RegionTagger(DIRECTORY);

    record Row(String province, String city, String title, String summary) {
    }

    @Test
    void primaryProvinceAndCityMeetTheBar() throws IOException {
        List<Row> rows = new ArrayList<>(read("region/tagging-seed.tsv"));
        rows.addAll(read("region/tagging-sentences.tsv"));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(300);
        Counts province = new Counts();
        Counts city = new Counts();
        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            Region primary = TAGGER.tag(row.title(), row.summary(), null).primary();
            String gotProvince = provinceLabel(primary);
            String gotCity = cityLabel(primary);
            String wantProvince = provinceCode(row.province());
            String wantCity = "-".equals(row.city()) ? null : cityCode(wantProvince, row.city());
            province.add(wantProvince, gotProvince);
            city.add(wantCity, gotCity);
            if (!wantProvince.equals(gotProvince) || !java.util.Objects.equals(wantCity, gotCity)) {
                wrong.add("  %s/%s → %s  %s".formatted(row.province(), row.city(), primary.name(), row.title()));
            }
        }
        System.out.printf("区域标注表 %d 条: 省 precision %.3f recall %.3f; 市 precision %.3f recall %.3f%n",
                rows.size(), province.precision(), province.recall(), city.precision(), city.recall());
        wrong.forEach(System.out::println);
        assertThat(province.precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(province.recall()).isGreaterThanOrEqualTo(0.95);
        assertThat(city.precision()).isGreaterThanOrEqualTo(0.9);
        assertThat(city.recall()).isGreaterThanOrEqualTo(0.9);
    }

    /** Per label: a prediction is right when it equals the expected label; none expected and none given is not counted. */
    private static final class Counts {
        int predicted;
        int expected;
        int right;

        void add(String want, String got) {
            predicted += got == null ? 0 : 1;
            expected += want == null ? 0 : 1;
            right += want != null && want.equals(got) ? 1 : 0;
        }

        double precision() {
            return predicted == 0 ? 1 : (double) right / predicted;
        }

        double recall() {
            return expected == 0 ? 1 : (double) right / expected;
        }
    }

    private static String provinceLabel(Region primary) {
        if (primary.level() == RegionLevel.NATION || primary.level() == RegionLevel.MACRO) {
            return primary.code();
        }
        return DIRECTORY.provinceOf(primary.code()).map(Region::code).orElse(null);
    }

    /** The prefecture, or a county-level city directly under its province (潜江), which readers treat as a city. */
    private static String cityLabel(Region primary) {
        Optional<Region> city = DIRECTORY.cityOf(primary.code());
        if (city.isPresent()) {
            return city.get().code();
        }
        List<Region> chain = DIRECTORY.chain(primary.code());
        boolean municipality = Set.of("110000", "120000", "310000", "500000").contains(chain.get(0).code());
        return chain.size() == 2 && chain.get(1).level() == RegionLevel.COUNTY && !municipality
                ? chain.get(1).code() : null;
    }

    private static String provinceCode(String name) {
        if ("全国".equals(name)) {
            return Region.NATION;
        }
        return DIRECTORY.named(name).stream().filter(r -> r.level() == RegionLevel.PROVINCE).findFirst()
                .orElseThrow(() -> new IllegalStateException("表中省份未知: " + name)).code();
    }

    private static String cityCode(String province, String name) {
        return DIRECTORY.all().stream()
                .filter(r -> r.level() == RegionLevel.CITY || r.level() == RegionLevel.COUNTY)
                .filter(r -> name.equals(r.name()) || name.equals(r.shortName()))
                .filter(r -> DIRECTORY.within(r.code(), province))
                .map(Region::code).min(java.util.Comparator.comparing(c -> DIRECTORY.require(c).level()))
                .orElseThrow(() -> new IllegalStateException("表中城市未知: " + name));
    }

    private static List<Row> read(String resource) throws IOException {
        try (InputStream in = RegionTaggingTableTest.class.getClassLoader().getResourceAsStream(resource)) {
            List<Row> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                rows.add(new Row(f[0], f[1], f[2], f.length > 3 ? f[3] : ""));
            }
            return rows;
        }
    }
}
