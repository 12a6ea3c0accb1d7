package org.shegong.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What an operator sets about uploads.
 *
 * @param storage        {@code local} (a directory, the default) or {@code s3}
 * @param directory      the local directory; empty means {@code <data-dir>/media}
 * @param s3             the object store, when {@code storage=s3}
 * @param maxImage       the largest image accepted
 * @param maxAttachment  the largest attachment (PDF, Office, ZIP, text)
 * @param maxVideo       the largest video
 * @param maxPixels      the most pixels an image may have, read from its header before it is decoded
 * @param quotaPerUser   how much one staff member may have stored in total
 */
@ConfigurationProperties("shegong.media")
public record MediaProperties(String storage, String directory, S3 s3, DataSize maxImage, DataSize maxAttachment,
        DataSize maxVideo, Long maxPixels, DataSize quotaPerUser) {

    public MediaProperties {
        storage = storage == null || storage.isBlank() ? "local" : storage.trim();
        s3 = s3 == null ? new S3(null, null, null, null, null, null, null) : s3;
        maxImage = maxImage == null ? DataSize.ofMegabytes(10) : maxImage;
        maxAttachment = maxAttachment == null ? DataSize.ofMegabytes(50) : maxAttachment;
        maxVideo = maxVideo == null ? DataSize.ofMegabytes(500) : maxVideo;
        maxPixels = maxPixels == null ? 40_000_000L : maxPixels;
        quotaPerUser = quotaPerUser == null ? DataSize.ofGigabytes(2) : quotaPerUser;
    }

    /**
     * @param endpoint   the store's address (empty for AWS itself)
     * @param pathStyle  bucket in the path rather than the host name (MinIO and most self-hosted stores)
     */
    public record S3(String endpoint, String region, String bucket, String prefix, String accessKey, String secretKey,
            Boolean pathStyle) {
        public S3 {
            region = region == null || region.isBlank() ? "us-east-1" : region;
            pathStyle = pathStyle == null || pathStyle;
        }
    }
}
