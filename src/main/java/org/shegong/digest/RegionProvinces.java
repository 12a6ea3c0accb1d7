package org.shegong.digest;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.shegong.region.RegionTagging;
import org.shegong.region.data.RegionDirectory;
import org.springframework.stereotype.Component;

/** {@link EntryProvinces} from the articles' region tags: the province of each primary region. */
@Component
class RegionProvinces implements EntryProvinces {

    private final RegionTagging tagging;
    private final RegionDirectory directory;

    RegionProvinces(RegionTagging tagging, RegionDirectory directory) {
        this.tagging = tagging;
        this.directory = directory;
    }

    @Override
    public Map<Long, Province> of(Collection<Long> articleIds) {
        Map<Long, Province> provinces = new HashMap<>();
        tagging.primaries(articleIds).forEach((id, place) -> directory.provinceOf(place.code())
                .ifPresent(p -> provinces.put(id, new Province(p.code(), p.name()))));
        return provinces;
    }
}
