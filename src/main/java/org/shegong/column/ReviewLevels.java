package org.shegong.column;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How each column's articles are reviewed: how many levels they pass (1 to 3; 三审 (3) unless configured
 * otherwise) and whether one person may pass more than one level of a round (not unless configured).
 */
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

    public ReviewRules rules(long columnId) {
        return jdbc.sql("SELECT levels, one_level_per_person FROM column_review_levels WHERE column_id = ?")
                .param(columnId)
                .query((rs, row) -> new ReviewRules(rs.getInt(1), rs.getBoolean(2))).optional()
                .orElse(ReviewRules.of(DEFAULT));
    }

    /** Whether each level of a review round needs a different person. */
    public void setOneLevelPerPerson(long columnId, boolean onePerPerson) {
        if (jdbc.sql("UPDATE column_review_levels SET one_level_per_person = ? WHERE column_id = ?")
                .params(onePerPerson, columnId).update() == 0) {
            jdbc.sql("INSERT INTO column_review_levels (column_id, levels, one_level_per_person) VALUES (?, ?, ?)")
                    .params(columnId, DEFAULT, onePerPerson).update();
        }
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
