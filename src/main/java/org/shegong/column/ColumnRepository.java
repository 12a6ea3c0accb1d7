package org.shegong.column;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ColumnRepository {

    private final JdbcClient jdbc;

    public ColumnRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Column> findAll() {
        return jdbc.sql("""
                SELECT id, parent_id, slug, name, description, sort_order, visible
                FROM column_node ORDER BY sort_order, id""")
                .query((rs, n) -> new Column(rs.getLong(1), (Long) rs.getObject(2, Long.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getInt(6), rs.getBoolean(7)))
                .list();
    }
}
