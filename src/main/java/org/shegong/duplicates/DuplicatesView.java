package org.shegong.duplicates;

import java.util.List;
import org.shegong.account.AdminChrome;
import org.shegong.content.similar.NearDuplicates;

/** The near-duplicate clusters, largest first, and how many articles have a fingerprint. */
public record DuplicatesView(AdminChrome chrome, List<List<NearDuplicates.Match>> clusters, long fingerprinted,
                             int maxDistance) {
}
