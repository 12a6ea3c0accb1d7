package org.shegong.region.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The administrative divisions (province, prefecture, county) of one vendored data set, plus 全国 and the
 * macro-regions. Immutable once loaded; a new data set is a new folder under {@code region/} and a setting.
 */
public final class RegionDirectory {

    /** Prefecture rows that are only containers (市辖区 of a municipality, 省直辖县级行政区划): skipped. */
    private static final Set<String> CONTAINERS = Set.of("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划");

    private final String dataSet;
    private final Map<String, Region> byCode;
    private final Map<String, List<Region>> children = new HashMap<>();
    private final Map<String, List<Region>> byName = new HashMap<>();
    private final Map<String, List<Region>> macrosOfProvince = new HashMap<>();
    private final List<Region> macros = new ArrayList<>();

    private RegionDirectory(String dataSet, Map<String, Region> byCode, Map<String, List<String>> macroMembers) {
        this.dataSet = dataSet;
        this.byCode = Collections.unmodifiableMap(byCode);
        for (Region region : byCode.values()) {
            String parent = region.level() == RegionLevel.PROVINCE ? Region.NATION : region.parentCode();
            if (parent != null) {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(region);
            }
            byName.computeIfAbsent(region.name(), k -> new ArrayList<>()).add(region);
            if (region.shortName() != null) {
                byName.computeIfAbsent(region.shortName(), k -> new ArrayList<>()).add(region);
            }
            if (region.level() == RegionLevel.MACRO) {
                macros.add(region);
            }
        }
        macroMembers.forEach((macro, provinces) -> {
            for (String province : provinces) {
                Region member = byCode.get(province);
                children.computeIfAbsent(macro, k -> new ArrayList<>()).add(member);
                macrosOfProvince.computeIfAbsent(province, k -> new ArrayList<>()).add(byCode.get(macro));
            }
        });
    }

    /** Loads {@code region/<dataSet>/{provinces,cities,areas}.csv} with the project's extra places from the classpath. */
    public static RegionDirectory load(String dataSet) {
        Map<String, Region> regions = new LinkedHashMap<>();
        for (String[] row : rows("region/extra.csv")) {
            add(regions, row[0], row[1], RegionLevel.valueOf(row[2]), row.length > 3 ? row[3] : null);
        }
        String folder = "region/" + dataSet + "/";
        for (String[] row : rows(folder + "provinces.csv")) {
            add(regions, row[0] + "0000", row[1], RegionLevel.PROVINCE, null);
        }
        for (String[] row : rows(folder + "cities.csv")) {
            if (!CONTAINERS.contains(row[1])) {
                add(regions, row[0] + "00", row[1], RegionLevel.CITY, row[2] + "0000");
            }
        }
        for (String[] row : rows(folder + "areas.csv")) {
            if (regions.containsKey(row[0])) {
                continue; // 东莞市, 中山市, 儋州市: a prefecture without counties is listed once more as its own area
            }
            String city = row[2] + "00";
            add(regions, row[0], row[1], RegionLevel.COUNTY, regions.containsKey(city) ? city : row[3] + "0000");
        }
        Map<String, List<String>> macroMembers = new LinkedHashMap<>();
        for (String[] row : rows("region/macro-regions.csv")) {
            add(regions, row[0], row[1], RegionLevel.MACRO, null);
            macroMembers.put(row[0], List.of(row[2].split(" ")).stream().map(p -> p + "0000").toList());
        }
        return new RegionDirectory(dataSet, regions, macroMembers);
    }

    private static void add(Map<String, Region> regions, String code, String name, RegionLevel level, String parent) {
        regions.put(code, new Region(code, name, ShortNames.of(name, level), level,
                parent == null || parent.isEmpty() ? null : parent));
    }

    private static List<String[]> rows(String resource) {
        InputStream in = RegionDirectory.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("区划数据缺失: " + resource);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header && line.startsWith("code,")) {
                    header = false;
                    continue;
                }
                rows.add(line.replace("\"", "").split(",", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    public String dataSet() {
        return dataSet;
    }

    public Optional<Region> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    public Region require(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("未知地区代码: " + code));
    }

    public java.util.Collection<Region> all() {
        return byCode.values();
    }

    /** The provinces under 全国, the provinces of a macro-region, the cities of a province, the counties of a city. */
    public List<Region> children(String code) {
        return children.getOrDefault(code, List.of());
    }

    /**
     * The macro-regions (华北, 华东…), in the order of {@link #all()}. Kept apart: every search page lists them, and
     * picking them out of the whole directory each time was 7 % of the samples of searches under load (session 28).
     */
    public List<Region> macros() {
        return Collections.unmodifiableList(macros);
    }

    public List<Region> provinces() {
        return children(Region.NATION);
    }

    /** The province, city and county a region lies in, from the top, ending with the region itself. */
    public List<Region> chain(String code) {
        List<Region> chain = new ArrayList<>(3);
        for (Region at = byCode.get(code); at != null; at = at.parentCode() == null ? null : byCode.get(at.parentCode())) {
            chain.add(0, at);
        }
        return chain;
    }

    /** The province of an administrative region; empty for 全国 and macro-regions. */
    public Optional<Region> provinceOf(String code) {
        List<Region> chain = chain(code);
        return chain.isEmpty() || chain.get(0).level() != RegionLevel.PROVINCE ? Optional.empty()
                : Optional.of(chain.get(0));
    }

    /** The prefecture of a city or county; empty above that level and for counties directly under a province. */
    public Optional<Region> cityOf(String code) {
        return chain(code).stream().filter(r -> r.level() == RegionLevel.CITY).findFirst();
    }

    /** Whether {@code code} is {@code ancestor} or lies under it (a macro-region contains its provinces). */
    public boolean within(String code, String ancestor) {
        if (Region.NATION.equals(ancestor)) {
            return byCode.containsKey(code);
        }
        for (Region at : chain(code)) {
            if (at.code().equals(ancestor)
                    || macrosOfProvince.getOrDefault(at.code(), List.of()).stream().anyMatch(m -> m.code().equals(ancestor))) {
                return true;
            }
        }
        return false;
    }

    /** Regions whose full or short name is exactly {@code name}: 朝阳 gives 朝阳市 and both 朝阳区. */
    public List<Region> named(String name) {
        return byName.getOrDefault(name, List.of());
    }

    /** The full name with the names above it: 辽宁省沈阳市浑南区, 北京市朝阳区, 全国. */
    public String path(String code) {
        StringBuilder path = new StringBuilder();
        chain(code).forEach(r -> path.append(r.name()));
        return path.toString();
    }

    public List<Region> macrosOf(String provinceCode) {
        return macrosOfProvince.getOrDefault(provinceCode, List.of());
    }
}
