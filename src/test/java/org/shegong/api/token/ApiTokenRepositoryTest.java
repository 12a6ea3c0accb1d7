package org.shegong.api.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.account.Role;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;
import org.springframework.dao.DuplicateKeyException;

/** Tokens, their columns, revocation and last use on H2, PostgreSQL and MariaDB. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class ApiTokenRepositoryTest {

    private static final Instant NOW = Instant.parse("2025-03-01T02:00:00.123456Z");

    @Parameter
    DatabaseTarget target;

    TestDatabase db;
    ApiTokenRepository tokens;

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh(target);
        tokens = new ApiTokenRepository(db.jdbc());
    }

    @Test
    void storesOnlyTheHashAndFindsTheTokenByIt() {
        String secret = TokenSecrets.generate();
        long id = tokens.insert(7, "县社工站系统", TokenSecrets.hash(secret), TokenSecrets.hint(secret), Role.EDITOR,
                List.of(3L, 1L, 3L), NOW, NOW.plus(Duration.ofDays(30)));
        ApiToken token = tokens.byHash(TokenSecrets.hash(secret)).orElseThrow();
        assertThat(token.id()).isEqualTo(id);
        assertThat(token.ownerId()).isEqualTo(7);
        assertThat(token.role()).isEqualTo(Role.EDITOR);
        assertThat(token.columnIds()).containsExactly(1L, 3L);
        assertThat(token.createdAt()).isEqualTo(NOW);
        assertThat(token.usable(NOW)).isTrue();
        assertThat(token.usable(NOW.plus(Duration.ofDays(30)))).isFalse();
        String stored = db.jdbc().sql("SELECT secret_hash FROM api_token WHERE id = ?").param(id).query(String.class).single();
        assertThat(stored).hasSize(64).doesNotContain(secret.substring(4));
        assertThat(tokens.byHash(TokenSecrets.hash(TokenSecrets.generate()))).isEmpty();
    }

    @Test
    void twoTokensCannotShareAHash() {
        tokens.insert(1, "a", "h".repeat(64), "sgp_abcd", Role.CONTRIBUTOR, List.of(1L), NOW, NOW.plusSeconds(60));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tokens.insert(2, "b", "h".repeat(64), "sgp_abcd",
                Role.CONTRIBUTOR, List.of(1L), NOW, NOW.plusSeconds(60))).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void revokesOnceAndListsNewestFirst() {
        long first = tokens.insert(5, "一", "1".repeat(64), "sgp_1111", Role.CONTRIBUTOR, List.of(1L), NOW, NOW.plusSeconds(600));
        long second = tokens.insert(5, "二", "2".repeat(64), "sgp_2222", Role.CONTRIBUTOR, List.of(2L), NOW, NOW.plusSeconds(600));
        tokens.insert(6, "三", "3".repeat(64), "sgp_3333", Role.CONTRIBUTOR, List.of(2L), NOW, NOW.plusSeconds(600));
        assertThat(tokens.ofOwner(5, 10)).extracting(ApiToken::id).containsExactly(second, first);
        assertThat(tokens.all(2)).hasSize(2);
        assertThat(tokens.revoke(first, NOW.plusSeconds(5), "管理员（admin）")).isTrue();
        assertThat(tokens.revoke(first, NOW.plusSeconds(9), "别人")).isFalse();
        ApiToken revoked = tokens.find(first).orElseThrow();
        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.revokedBy()).isEqualTo("管理员（admin）");
        assertThat(revoked.usable(NOW.plusSeconds(6))).isFalse();
    }

    @Test
    void lastUseIsWrittenAtMostOncePerInterval() {
        long id = tokens.insert(5, "一", "4".repeat(64), "sgp_4444", Role.CONTRIBUTOR, List.of(1L), NOW, NOW.plusSeconds(600));
        tokens.touch(id, NOW, Duration.ofMinutes(1));
        tokens.touch(id, NOW.plusSeconds(30), Duration.ofMinutes(1));
        assertThat(tokens.find(id).orElseThrow().lastUsedAt()).isEqualTo(NOW);
        tokens.touch(id, NOW.plusSeconds(61), Duration.ofMinutes(1));
        assertThat(tokens.find(id).orElseThrow().lastUsedAt()).isEqualTo(NOW.plusSeconds(61));
    }
}
