package org.shegong.media;

import java.util.List;

/**
 * Work that holds a stored file although no live article shows it: an unpublished draft or pending change, a
 * 投稿's attachment. media_use only follows what the public site shows (the outbox), so before a file is deleted
 * every feature that keeps such work is asked, and a file any of them holds is kept.
 */
public interface MediaHolders {

    /** What kind of work this is, as the editor should read it ("未发布的修改", "投稿附件"). */
    String label();

    /** The articles whose unpublished work refers to the file, by id. */
    List<Long> articlesHolding(MediaFile file);

    /** The part of a stored key every address of the file and of its resized copies contains. */
    static String addressStem(MediaFile file) {
        String key = file.storageKey();
        int dot = key.lastIndexOf('.');
        return "/media/" + (dot < 0 ? key : key.substring(0, dot));
    }
}
