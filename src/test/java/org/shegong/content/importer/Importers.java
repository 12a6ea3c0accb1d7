package org.shegong.content.importer;

import org.shegong.content.ContentFixture;

/** An importer wired by hand on a {@link ContentFixture}, for tests in other packages. */
public final class Importers {

    private Importers() {
    }

    public static ArticleImporter on(ContentFixture content) {
        return new ArticleImporter(content.service, new ImportItemMapper(content.columns), content.db.transactions(),
                content.clock);
    }
}
