package org.shegong.site.region;

import java.time.Instant;
import java.util.List;
import org.shegong.system.web.Chrome;

/** /region: the tile map (tiles in reading order), the same provinces as a plain list by code, the legend and the window counted. */
public record RegionMapView(Chrome chrome, List<TileMap.Tile> tiles, List<TileMap.Tile> list, int width, int height, List<String> legend,
                            Instant windowFrom, Instant windowTo, String canonicalUrl) {
}
