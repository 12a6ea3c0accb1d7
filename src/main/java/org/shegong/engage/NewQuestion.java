package org.shegong.engage;

/** A reader's question after validation and normalisation, about to be stored. */
record NewQuestion(Long articleId, Long columnId, String askerName, String contact, String title, String body) {
}
