package org.shegong.column;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** How many review levels each column's articles pass (1 to 3); 三审 (3) unless configured otherwise. */
@Repository
public class ReviewLevels {

    public static final int DEFAULT = 3;

    private final JdbcClient jdbc;

    public ReviewLevels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int of(long columnId) {
        return jdbc.sql("SELECT levels FROM column_review_levels WHERE column_id = ?").param(columnId)
                .query(Integer.class).optional().orElse(DEFAULT);
    }

    public void set(long columnId, int levels) {
        if (levels < 1 || levels > 3) {
            throw ColumnChangeException.invalid("审核级数只能是 1 到 3");
        }
        if (jdbc.sql("UPDATE column_review_levels SET levels = ? WHERE column_id = ?").params(levels, columnId)
                .update() == 0) {
            jdbc.sql("INSERT INTO column_review_levels (column_id, levels) VALUES (?, ?)").params(columnId, levels)
                    .update();
        }
    }
}
