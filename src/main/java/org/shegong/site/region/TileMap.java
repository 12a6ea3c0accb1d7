package org.shegong.site.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.shegong.region.data.Region;
import org.shegong.region.data.RegionDirectory;

/**
 * The /region map: a tile-grid map of China's provinces ({@code region/tile-map.csv}), each tile shaded by how
 * many items were published there recently. A tile grid instead of outlines: no third-party boundary data to
 * license or keep politically exact, small provinces (北京, 澳门) as easy to hit and to read as large ones, and
 * one link per tile that a keyboard reaches in reading order (ADR 0040).
 */
public final class TileMap {

    static final int CELL = 64;
    static final int GAP = 4;
    static final int LEVELS = 4;

    private final List<Cell> cells;

    private TileMap(List<Cell> cells) {
        this.cells = cells;
    }

    static TileMap load(RegionDirectory directory) {
        List<Cell> cells = new ArrayList<>();
        InputStream in = TileMap.class.getClassLoader().getResourceAsStream("region/tile-map.csv");
        if (in == null) {
            throw new IllegalStateException("地图数据缺失: region/tile-map.csv");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",");
                cells.add(new Cell(directory.require(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                        Integer.parseInt(f[3])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TileMap(List.copyOf(cells));
    }

    List<String> codes() {
        return cells.stream().map(c -> c.region().code()).toList();
    }

    /** The tiles in reading order (top row first, left to right), shaded against the largest count. */
    List<Tile> tiles(Map<String, Long> counts) {
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return cells.stream()
                .sorted(java.util.Comparator.comparingInt(Cell::row).thenComparingInt(Cell::column))
                .map(c -> {
                    long count = counts.getOrDefault(c.region().code(), 0L);
                    return new Tile(c.region(), c.column() * CELL + GAP / 2, c.row() * CELL + GAP / 2,
                            c.width() * CELL - GAP, CELL - GAP, count, level(count, max));
                }).toList();
    }

    int width() {
        return cells.stream().mapToInt(c -> c.column() + c.width()).max().orElse(0) * CELL;
    }

    int height() {
        return cells.stream().mapToInt(c -> c.row() + 1).max().orElse(0) * CELL;
    }

    /** 0 for none, else 1 to {@link #LEVELS} by the share of the largest count. */
    static int level(long count, long max) {
        if (count <= 0 || max <= 0) {
            return 0;
        }
        return 1 + (int) Math.min(LEVELS - 1, (LEVELS * (count - 1)) / max);
    }

    /** The counts each level covers, for the legend: 无, then 1–a 条 … (— for a level no count falls in). */
    static List<String> legend(long max) {
        List<String> labels = new ArrayList<>();
        labels.add("无");
        for (int level = 1; level <= LEVELS; level++) {
            // level(c) = level exactly when (level - 1) * max <= LEVELS * (c - 1) < level * max
            long from = ceilDiv((level - 1) * max, LEVELS) + 1;
            long to = level == LEVELS ? max : ceilDiv(level * max, LEVELS);
            labels.add(max <= 0 || from > to ? "—" : from == to ? from + " 条" : from + "–" + to + " 条");
        }
        return labels;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private record Cell(Region region, int column, int row, int width) {
    }

    /** One province's tile: where it is drawn, its count and its shade. */
    public record Tile(Region region, int x, int y, int width, int height, long count, int level) {

        public int textX() {
            return x + width / 2;
        }

        public int textY() {
            return y + height / 2;
        }

        public String label() {
            return region.label() + "：" + count + " 条";
        }
    }
}
