package org.shegong.media;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** One uploaded file as the library knows it. {@code variants} are the widths of its smaller copies. */
public record MediaFile(long id, String storageKey, MediaKind kind, String contentType, String originalName,
        long sizeBytes, Integer width, Integer height, String variants, long uploadedBy, Instant createdAt,
        long downloadCount) {

    public List<Integer> variantWidths() {
        if (variants == null || variants.isBlank()) {
            return List.of();
        }
        return Arrays.stream(variants.split(",")).map(Integer::valueOf).toList();
    }

    /** Every stored object of this file: the original and its smaller copies. */
    public List<String> storedKeys() {
        List<String> keys = new java.util.ArrayList<>(List.of(storageKey));
        for (int width : variantWidths()) {
            keys.add(MediaKeys.variant(storageKey, "w" + width, variantExtension()));
        }
        return keys;
    }

    /** The extension of the smaller copies (the same as the re-encoded original's). */
    public String variantExtension() {
        return storageKey.substring(storageKey.lastIndexOf('.') + 1);
    }
}
