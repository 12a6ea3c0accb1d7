package org.shegong.media;

/** Where a stored file is served. Stored content keeps this root-relative path, never an absolute URL. */
public final class MediaUrls {

    public static final String PREFIX = "/media/";

    private MediaUrls() {
    }

    public static String of(String key) {
        return PREFIX + key;
    }

    public static String of(MediaFile file) {
        return of(file.storageKey());
    }

    /** The smaller copy of an image, or the original when it has no copy that narrow. */
    public static String ofWidth(MediaFile file, int width) {
        return file.variantWidths().contains(width)
                ? of(MediaKeys.variant(file.storageKey(), "w" + width, file.variantExtension())) : of(file);
    }

    /** {@code srcset} for an image: each smaller copy and the original, by width. */
    public static String srcset(MediaFile file) {
        StringBuilder set = new StringBuilder();
        for (int width : file.variantWidths()) {
            set.append(ofWidth(file, width)).append(' ').append(width).append("w, ");
        }
        return set.append(of(file)).append(' ').append(file.width() == null ? 0 : file.width()).append('w').toString();
    }
}
