package org.shegong.api;

import org.springframework.http.HttpStatus;

/** A request the API refuses: its status, a stable code and a Chinese detail (the advice adds both titles). */
class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    ApiProblem(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    static ApiProblem invalid(String parameter, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-" + parameter, detail);
    }

    static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", detail);
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    /** Over a rate limit: 429 with Retry-After. */
    static final class TooMany extends ApiProblem {

        private final long retryAfterSeconds;

        TooMany(String detail, long retryAfterSeconds) {
            super(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", detail);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
