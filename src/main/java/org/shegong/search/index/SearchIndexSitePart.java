package org.shegong.search.index;

import org.shegong.system.backup.DeclaredPart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The search index is derived, so it is not in a site archive; after an import it is rebuilt from the imported
 * articles, so an index left in the data directory by an earlier site never answers for this one (ADR 0052).
 */
@Component
class SearchIndexSitePart extends DeclaredPart {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexSitePart.class);

    private final IndexRebuilder rebuilder;

    SearchIndexSitePart(IndexRebuilder rebuilder) {
        super("search-index", 90);
        this.rebuilder = rebuilder;
    }

    @Override
    public void afterImport() {
        long documents = rebuilder.rebuild(done -> { });
        log.info("导入后已重建搜索索引: {} 篇", documents);
    }
}
