package org.shegong.system.db;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Reads the new row's id from a KeyHolder. Drivers disagree on what they return: H2 the identity column,
 * PostgreSQL every column of the row, MariaDB a column called insert_id.
 */
public final class GeneratedKeys {

    private GeneratedKeys() {
    }

    public static long id(KeyHolder keyHolder) {
        return id(keyHolder.getKeyList().get(0));
    }

    /** The ids of the rows a batch inserted, in the order of the batch. */
    public static List<Long> ids(KeyHolder keyHolder) {
        return keyHolder.getKeyList().stream().map(GeneratedKeys::id).toList();
    }

    private static long id(Map<String, Object> keys) {
        if (keys.size() == 1) {
            return ((Number) keys.values().iterator().next()).longValue();
        }
        for (Map.Entry<String, Object> entry : keys.entrySet()) {
            if ("id".equalsIgnoreCase(entry.getKey())) {
                return ((Number) entry.getValue()).longValue();
            }
        }
        throw new IllegalStateException("No generated id among " + keys.keySet());
    }
}
