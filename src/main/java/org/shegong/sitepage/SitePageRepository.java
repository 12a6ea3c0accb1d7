package org.shegong.sitepage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.shegong.system.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The only code that touches site_page. */
@Repository
class SitePageRepository {

    private static final String COLUMNS = "id, slug, title, body_html, updated_at, updated_by";

    private final JdbcClient jdbc;

    SitePageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SitePage> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM site_page ORDER BY id").query(SitePageRepository::page).list();
    }

    Optional<SitePage> bySlug(String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM site_page WHERE slug = ?").param(slug)
                .query(SitePageRepository::page).optional();
    }

    Optional<SitePage> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM site_page WHERE id = ?").param(id)
                .query(SitePageRepository::page).optional();
    }

    void insert(String slug, String title, String bodyHtml, Instant at, String by) {
        jdbc.sql("INSERT INTO site_page (slug, title, body_html, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)")
                .params(slug, title, bodyHtml, Times.toDb(at), by).update();
    }

    boolean update(long id, String title, String bodyHtml, Instant at, String by) {
        return jdbc.sql("UPDATE site_page SET title = ?, body_html = ?, updated_at = ?, updated_by = ? WHERE id = ?")
                .params(title, bodyHtml, Times.toDb(at), by, id).update() == 1;
    }

    private static SitePage page(ResultSet rs, int row) throws SQLException {
        return new SitePage(rs.getLong("id"), rs.getString("slug"), rs.getString("title"), rs.getString("body_html"),
                Times.fromDb(rs.getObject("updated_at", LocalDateTime.class)), rs.getString("updated_by"));
    }
}
