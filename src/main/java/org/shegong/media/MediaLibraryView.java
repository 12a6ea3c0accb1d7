package org.shegong.media;

import java.util.List;
import java.util.Map;
import org.shegong.account.AdminChrome;
import org.shegong.system.Times;

/** What the media library page shows. */
public record MediaLibraryView(AdminChrome chrome, String query, MediaKind kind, List<MediaFile> files,
        Map<Long, Integer> uses, long userId, boolean administrator, MediaFile uploaded, boolean deleted,
        String limits, String used) {

    public int uses(MediaFile file) {
        return uses.getOrDefault(file.id(), 0);
    }

    public boolean mayDelete(MediaFile file) {
        return uses(file) == 0 && (administrator || file.uploadedBy() == userId);
    }

    public String url(MediaFile file) {
        return MediaUrls.of(file);
    }

    public String thumbnail(MediaFile file) {
        return MediaUrls.ofWidth(file, ImageProcessor.WIDTHS[0]);
    }

    public String size(MediaFile file) {
        return MediaService.megabytes(file.sizeBytes());
    }

    public String date(MediaFile file) {
        return Times.listDate(file.createdAt());
    }
}
