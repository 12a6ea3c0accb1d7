package org.shegong.engage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Attachments to an organisation's 投稿 ({@code shegong.submission.*}). Tighter than staff uploads: the form is
 * public-facing and an organisation is a stranger the site has only verified by email.
 *
 * @param maxFiles  attachments per submission
 * @param maxFile   the largest attachment (the media feature's own per-kind limits apply as well)
 * @param quota     all the files one organisation may have stored
 */
@ConfigurationProperties("shegong.submission")
public record SubmissionProperties(Integer maxFiles, DataSize maxFile, DataSize quota) {

    public SubmissionProperties {
        maxFiles = maxFiles == null || maxFiles < 0 ? 5 : maxFiles;
        maxFile = maxFile == null ? DataSize.ofMegabytes(20) : maxFile;
        quota = quota == null ? DataSize.ofMegabytes(200) : quota;
    }
}
