package org.shegong.engage;

import java.util.List;
import org.shegong.media.MediaFile;
import org.shegong.media.MediaHolders;
import org.springframework.stereotype.Component;

/** A file an organisation sent with a 投稿 is the record of what it sent, whatever became of the 投稿. */
@Component
class SubmissionFilesHoldMedia implements MediaHolders {

    private final SubmissionFileRepository files;

    SubmissionFilesHoldMedia(SubmissionFileRepository files) {
        this.files = files;
    }

    @Override
    public String label() {
        return "投稿附件";
    }

    @Override
    public List<Long> articlesHolding(MediaFile file) {
        return files.articlesWithMedia(file.id());
    }
}
