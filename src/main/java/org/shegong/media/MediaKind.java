package org.shegong.media;

/** The three families of upload, each with its own allow-list and size limit. */
public enum MediaKind {
    IMAGE("图片"), ATTACHMENT("附件"), VIDEO("视频");

    private final String label;

    MediaKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
