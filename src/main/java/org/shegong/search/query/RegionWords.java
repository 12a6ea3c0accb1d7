package org.shegong.search.query;

import java.util.List;
import org.shegong.region.data.Region;
import org.shegong.region.data.RegionDirectory;
import org.shegong.region.data.RegionLevel;

/**
 * Which query words name a region: a province, city or macro-region by its full or short name (辽宁, 辽宁省, 沈阳,
 * 东北), a county by its full name only (浑南区; a county's short name is too often an everyday word).
 */
final class RegionWords {

    static final RegionWords NONE = new RegionWords(null);

    private final RegionDirectory directory;

    RegionWords(RegionDirectory directory) {
        this.directory = directory;
    }

    /** The codes of the regions the word names (several for a shared name such as 朝阳区); empty for none. */
    List<String> codesNamed(String word) {
        if (directory == null || word == null || word.length() < 2) {
            return List.of();
        }
        return directory.named(word).stream()
                .filter(r -> r.level() != RegionLevel.NATION)
                .filter(r -> r.level() != RegionLevel.COUNTY || r.name().equals(word))
                .map(Region::code).distinct().toList();
    }
}
