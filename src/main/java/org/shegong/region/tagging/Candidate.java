package org.shegong.region.tagging;

import org.shegong.region.data.Region;

/**
 * One place a word may name. A word that needs context (a county's short form, an everyday word such as 来宾)
 * counts only when the text also names the province or city above it; a weak word (援疆) never beats a named place.
 */
record Candidate(Region region, boolean needsContext, boolean weak) {
}
