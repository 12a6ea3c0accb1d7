package org.shegong.region;

import org.shegong.region.data.Region;
import org.shegong.region.data.RegionLevel;
import org.shegong.region.data.RegionDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.shegong.region.tagging.RegionTagger;
import org.shegong.region.tagging.RegionTags;
import org.springframework.stereotype.Service;

/**
 * The editor's side of region tags: shows the regions in force with the machine's suggestion, reads what the
 * editor typed (names, full paths or codes, the first being the primary) and records it as a person's choice.
 * Typing nothing gives the article back to the tagger; leaving the field as shown keeps the machine's tags.
 */
@Service
public class RegionChoices {

    static final int MAX_REGIONS = 10;
    private static final String SEPARATOR = "；";

    private final RegionDirectory directory;
    private final RegionTagger tagger;
    private final RegionTagging tagging;

    RegionChoices(RegionDirectory directory, RegionTagger tagger, RegionTagging tagging) {
        this.directory = directory;
        this.tagger = tagger;
        this.tagging = tagging;
    }

    /** The field for an article (null id: not saved yet, so only the suggestion). */
    public RegionField field(Long articleId, String title, String summary, String bodyHtml) {
        String suggestion = format(tagging.suggest(title, summary, bodyHtml));
        if (articleId == null) {
            return new RegionField(suggestion, suggestion, false);
        }
        List<ArticleRegion> tags = tagging.of(articleId);
        if (tags.isEmpty()) {
            return new RegionField(suggestion, suggestion, false);
        }
        String value = tags.stream().map(t -> directory.path(t.region().code())).collect(Collectors.joining(SEPARATOR));
        return new RegionField(value, suggestion,
                tags.stream().anyMatch(t -> t.source() == ArticleRegion.Source.PERSON));
    }

    private String format(RegionTags tags) {
        List<String> parts = new ArrayList<>();
        parts.add(directory.path(tags.primary().code()));
        tags.others().forEach(r -> parts.add(directory.path(r.code())));
        return String.join(SEPARATOR, parts);
    }

    /** Checks what the editor typed before anything is saved; throws with a message naming the bad entry. */
    public List<Region> parse(String input) {
        Map<String, Region> regions = new LinkedHashMap<>();
        if (input == null || input.isBlank()) {
            return List.of();
        }
        for (String token : input.strip().split("[；;，,、\\s]+")) {
            if (!token.isEmpty()) {
                Region region = resolve(token);
                regions.putIfAbsent(region.code(), region);
            }
        }
        if (regions.size() > MAX_REGIONS) {
            throw new RegionInputException("地区最多填写 " + MAX_REGIONS + " 个");
        }
        return List.copyOf(regions.values());
    }

    private Region resolve(String token) {
        var byCode = directory.find(token);
        if (byCode.isPresent()) {
            return byCode.get();
        }
        List<Region> named = directory.named(token).stream().filter(r -> r.level() != RegionLevel.COUNTY
                || r.name().equals(token)).toList();
        if (named.size() == 1) {
            return named.get(0);
        }
        if (named.size() > 1) {
            throw new RegionInputException("「" + token + "」有多个同名地区（" + named.stream().limit(4)
                    .map(r -> directory.path(r.code())).collect(Collectors.joining("、"))
                    + "），请写出上级地名（如 " + directory.path(named.get(0).code()) + "）或六位代码");
        }
        // A path such as 辽宁省沈阳市浑南区 or 沈阳浑南区: the tagger reads it; it must end with the place it found.
        Region found = tagger.tag(token, null, null).primary();
        if (found.isAdministrative() && (token.endsWith(found.name())
                || (found.shortName() != null && token.endsWith(found.shortName())))) {
            return found;
        }
        throw new RegionInputException("「" + token + "」不是已知的地区名称或代码");
    }

    /**
     * Records the editor's field after a save. {@code shown} is the value the form showed: an unchanged field keeps
     * the machine's tags (and a person's earlier choice stays as it was).
     */
    public void apply(long articleId, String input, String shown) {
        String typed = input == null ? "" : input.strip();
        if (typed.equals(shown == null ? "" : shown.strip())) {
            return;
        }
        List<Region> regions = parse(typed);
        if (regions.isEmpty()) {
            tagging.release(articleId);
        } else {
            tagging.choose(articleId, regions.get(0), regions.subList(1, regions.size()));
        }
    }
}
