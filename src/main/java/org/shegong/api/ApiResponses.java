package org.shegong.api;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A successful read: JSON with the pages' Cache-Control. The ETag (and the 304 for a matching If-None-Match) is
 * added by the shallow ETag filter on /api/*, from the bytes actually sent.
 */
@Component
class ApiResponses {

    private final ApiProperties properties;

    ApiResponses(ApiProperties properties) {
        this.properties = properties;
    }

    <T> ResponseEntity<T> ok(T body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, properties.cacheControl()).body(body);
    }
}
