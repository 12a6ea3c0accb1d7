package org.shegong.editorial.workflow;

import java.util.List;
import org.shegong.media.MediaFile;
import org.shegong.media.MediaHolders;
import org.springframework.stereotype.Component;

/** A file inserted into a draft or into changes waiting for review must still be there when they go live. */
@Component
class UnpublishedWorkHoldsMedia implements MediaHolders {

    private final RevisionRepository revisions;

    UnpublishedWorkHoldsMedia(RevisionRepository revisions) {
        this.revisions = revisions;
    }

    @Override
    public String label() {
        return "未发布的稿件或修改";
    }

    @Override
    public List<Long> articlesHolding(MediaFile file) {
        return revisions.unpublishedContaining(MediaHolders.addressStem(file));
    }
}
