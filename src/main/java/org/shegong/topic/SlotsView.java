package org.shegong.topic;

import java.util.List;

/** The 首页版位 page: each slot's entries with their article titles. */
public record SlotsView(List<Block> blocks, String error, String notice) {

    public record Block(Slot slot, List<Line> lines) {
    }

    public record Line(SlotEntry entry, String title, boolean live) {
    }
}
