package org.shegong.editorial.sensitive;

/** A forbidden word found in one field of an article, with a short excerpt around it (plain text). */
public record SensitiveHit(String field, String word, String before, String after) {
}
