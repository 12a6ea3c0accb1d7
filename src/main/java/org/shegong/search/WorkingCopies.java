package org.shegong.search;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.shegong.content.Article;

/**
 * Where the index finds editors' working copies. The editorial workflow implements it, so the search feature
 * never reads the workflow's tables.
 */
public interface WorkingCopies {

    /** The article's working copy, or empty when its newest text is the one readers see. */
    Optional<WorkingCopy> of(Article article);

    /** Every working copy, in batches, for a rebuild. */
    void forEach(int batch, Consumer<List<WorkingCopy>> sink);

    /** How many working copies {@link #forEach} will hand over (for progress). */
    long count();
}
