package org.shegong.search.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.shegong.region.data.Region;
import org.shegong.region.data.RegionDirectory;
import org.shegong.search.SearchEngine;

/**
 * The search page's 地区: the choices of the filter (macro-regions, provinces, and the chosen place when it is a
 * city or county from a region page) and the facet, the provinces the matches lie in, most first.
 */
public record RegionFilter(List<Region> choices, Region chosen, List<Facet> facets, boolean capped) {

    /** A province and how many matches lie in it. */
    public record Facet(Region region, long count) {
    }

    static RegionFilter of(RegionDirectory directory, Region chosen, SearchEngine.RegionCounts counts) {
        List<Region> choices = new ArrayList<>(directory.macros());
        choices.addAll(directory.provinces());
        if (chosen != null && !choices.contains(chosen)) {
            choices.add(chosen);
        }
        List<Facet> facets = new ArrayList<>();
        for (Map.Entry<String, Long> entry : counts.byProvince().entrySet()) {
            directory.find(entry.getKey()).ifPresent(r -> facets.add(new Facet(r, entry.getValue())));
        }
        facets.sort(Comparator.comparingLong(Facet::count).reversed().thenComparing(f -> f.region().code()));
        return new RegionFilter(choices, chosen, facets, counts.capped());
    }

    public String chosenCode() {
        return chosen == null ? "" : chosen.code();
    }

    public boolean isChosen(Region region) {
        return chosen != null && chosen.code().equals(region.code());
    }
}
