package org.shegong.digest;

/** One item of a digest: the linked title and summary of a live article, under a section. */
public record DigestEntry(String sectionKey, long articleId, String title, String summary) {
}
