package org.shegong.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.shegong.api.token.TokenCaller;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} for the write API's POSTs. The key is claimed by inserting (token, key) under a unique
 * constraint before the work runs, so of two concurrent retries only one runs it; the work and its stored answer
 * commit in one transaction, so a key is either answered or free again. The same key with the same request replays
 * the stored answer (status, Location, body); with a different request it is refused (422); while the first request
 * still runs, a retry gets 409. Keys are kept 24 hours.
 */
@Component
class Idempotency {

    static final String HEADER = "Idempotency-Key";
    static final Duration KEEP = Duration.ofHours(24);
    /** A claim this old without an answer belongs to work that never committed (a crash): it may be taken over. */
    static final Duration STALE = Duration.ofMinutes(10);
    private static final int KEY_MAX = 200;

    /** What a write answers: its status, the Location of what it made (or null) and the JSON body. */
    record Answer(HttpStatus status, String location, Object body) {
    }

    private final IdempotencyRepository keys;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    Idempotency(IdempotencyRepository keys, TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.keys = keys;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** Runs {@code work} in one transaction, at most once per key; {@code requestHash} identifies the request. */
    ResponseEntity<String> run(TokenCaller caller, String key, String requestHash, Supplier<Answer> work) {
        Claim claim = claim(caller, key, requestHash);
        return claim.replay() != null ? claim.replay() : finish(claim, work);
    }

    /**
     * The key claimed for this request (id null: no key given), or the stored answer to replay. A caller with work
     * outside the database (storing an upload) does it between this and {@link #finish}, and calls
     * {@link #release} if it fails.
     */
    record Claim(Long id, ResponseEntity<String> replay) {
    }

    Claim claim(TokenCaller caller, String key, String requestHash) {
        if (key == null) {
            return new Claim(null, null);
        }
        String checked = check(key);
        long tokenId = caller.token().id();
        Instant now = clock.instant();
        keys.expire(tokenId, now.minus(KEEP));
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                return new Claim(keys.claim(tokenId, checked, requestHash, now), null);
            } catch (DuplicateKeyException e) {
                Optional<IdempotencyRepository.Entry> existing = keys.find(tokenId, checked);
                if (existing.isEmpty()) {
                    continue; // released or expired in between: claim again
                }
                IdempotencyRepository.Entry entry = existing.get();
                if (!entry.requestHash().equals(requestHash)) {
                    throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                            "这个 Idempotency-Key 已用于另一个不同的请求；每个新请求请使用新的键");
                }
                if (entry.status() != null) {
                    return new Claim(null, respond(entry.status(), entry.location(), entry.body(), true));
                }
                if (!keys.dropStale(entry.id(), now.minus(STALE))) {
                    break;
                }
            }
        }
        throw new ApiProblem(HttpStatus.CONFLICT, "idempotency-in-progress",
                "使用同一 Idempotency-Key 的请求正在处理，请稍后重试");
    }

    /** Runs the work and stores its answer under the claimed key in one transaction; frees the key if it fails. */
    ResponseEntity<String> finish(Claim claim, Supplier<Answer> work) {
        try {
            String[] stored = transactions.execute(s -> {
                Answer answer = work.get();
                String body = json.writeValueAsString(answer.body());
                if (claim.id() != null) {
                    keys.complete(claim.id(), answer.status().value(), answer.location(), body);
                }
                return new String[] {Integer.toString(answer.status().value()), answer.location(), body};
            });
            return respond(Integer.parseInt(stored[0]), stored[1], stored[2], false);
        } catch (RuntimeException e) {
            release(claim);
            throw e;
        }
    }

    void release(Claim claim) {
        if (claim.id() != null) {
            keys.release(claim.id());
        }
    }

    private static String check(String key) {
        String stripped = key.strip();
        if (stripped.isEmpty() || stripped.length() > KEY_MAX || !stripped.chars().allMatch(c -> c > 32 && c < 127)) {
            throw ApiProblem.invalid("idempotency-key", "Idempotency-Key 应是 1 到 " + KEY_MAX
                    + " 个可见 ASCII 字符（建议每个新请求用一个 UUID）");
        }
        return stripped;
    }

    private static ResponseEntity<String> respond(int status, String location, String body, boolean replayed) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (location != null) {
            answer.header(HttpHeaders.LOCATION, location);
        }
        if (replayed) {
            answer.header("Idempotent-Replayed", "true");
        }
        return answer.body(body);
    }
}
