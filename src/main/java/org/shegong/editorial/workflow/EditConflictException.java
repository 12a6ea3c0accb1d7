package org.shegong.editorial.workflow;

/** Someone saved the article after the version this save started from; nothing was written. */
public class EditConflictException extends RuntimeException {

    private final Revision theirs;
    private final RevisionContent mine;

    public EditConflictException(Revision theirs, RevisionContent mine) {
        super("稿件已被" + (theirs == null ? "他人" : theirs.createdByName()) + "修改，您的保存未生效，请对照两个版本后重新保存");
        this.theirs = theirs;
        this.mine = mine;
    }

    public Revision theirs() {
        return theirs;
    }

    public RevisionContent mine() {
        return mine;
    }
}
