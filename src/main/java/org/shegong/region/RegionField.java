package org.shegong.region;

/**
 * The editor's region field: {@code value} the regions in force (primary first, as 辽宁省沈阳市浑南区；大连市),
 * {@code suggestion} what the tagger finds in the saved text, {@code byPerson} whether an editor chose the value.
 */
public record RegionField(String value, String suggestion, boolean byPerson) {
}
