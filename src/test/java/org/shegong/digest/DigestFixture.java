package org.shegong.digest;

import org.shegong.content.ContentFixture;
import org.shegong.content.PublishedRepository;
import org.shegong.system.SiteProperties;
import org.shegong.system.db.TestDatabase;
import org.shegong.system.outbox.OutboxWriter;

/** The digest feature wired by hand over a {@link ContentFixture}, for tests on every database. */
public final class DigestFixture {

    public static final String BASE = "https://www.example.org.cn";

    public final ContentFixture content;
    public final DigestService service;
    public final SiteProperties site = new SiteProperties(null, BASE, null);

    public DigestFixture(TestDatabase db) {
        this(db, DigestProperties.defaults());
    }

    public DigestFixture(TestDatabase db, DigestProperties properties) {
        this.content = new ContentFixture(db);
        this.service = new DigestService(new DigestRepository(db.jdbc()), new PublishedRepository(db.jdbc()),
                content.service, content.columns, new OutboxWriter(db.jdbc(), content.clock), properties, site,
                content.clock);
    }

    public <T> T tx(java.util.function.Supplier<T> work) {
        return content.db.transactions().execute(s -> work.get());
    }
}
