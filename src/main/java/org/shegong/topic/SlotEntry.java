package org.shegong.topic;

/** An article placed in a slot, at a position, with the picture 图片新闻 shows. */
public record SlotEntry(long id, Slot slot, long articleId, int position, String imageUrl, String caption) {
}
