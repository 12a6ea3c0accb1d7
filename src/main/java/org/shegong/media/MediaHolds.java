package org.shegong.media;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Asks every feature that keeps unpublished work whether it holds a file (see {@link MediaHolders}). */
@Component
public class MediaHolds {

    private final List<MediaHolders> holders;

    MediaHolds(List<MediaHolders> holders) {
        this.holders = holders;
    }

    List<Hold> of(MediaFile file) {
        List<Hold> holds = new ArrayList<>();
        for (MediaHolders holder : holders) {
            List<Long> articles = holder.articlesHolding(file);
            if (!articles.isEmpty()) {
                holds.add(new Hold(holder.label(), articles));
            }
        }
        return holds;
    }

    /** Why a file must stay, in the words the refusal uses: "未发布的稿件或修改 #12、#15". */
    static String describe(List<Hold> holds) {
        List<String> parts = new ArrayList<>();
        for (Hold hold : holds) {
            List<String> ids = hold.articleIds().stream().limit(5).map(id -> "#" + id).toList();
            parts.add(hold.label() + " " + String.join("、", ids) + (hold.articleIds().size() > 5 ? " 等" : ""));
        }
        return String.join("；", parts);
    }

    public record Hold(String label, List<Long> articleIds) {
    }
}
