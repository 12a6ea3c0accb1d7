package org.shegong.content;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** Which keys of a batch of updates found no row, so that the caller inserts them (the view counters' upserts). */
final class MissingRows {

    private MissingRows() {
    }

    /**
     * The ids whose update counted 0 rows. A driver may answer a batch with SUCCESS_NO_INFO instead of counts (none
     * of the three here does); then {@code present} is asked which of the ids have a row.
     */
    static List<Long> of(List<Long> ids, int[] updated, Supplier<Collection<Long>> present) {
        List<Long> missing = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (updated[i] == Statement.SUCCESS_NO_INFO) {
                Set<Long> found = new HashSet<>(present.get());
                return ids.stream().filter(id -> !found.contains(id)).toList();
            }
            if (updated[i] == 0) {
                missing.add(ids.get(i));
            }
        }
        return missing;
    }
}
