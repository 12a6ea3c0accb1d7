package org.shegong.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;

/** Accounts, failure counters, locks and grants on H2, PostgreSQL and MariaDB. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class AccountRepositoryTest {

    private static final Instant NOW = Instant.parse("2025-03-01T02:00:00.123456Z");

    @Parameter
    DatabaseTarget target;

    TestDatabase db;
    AccountRepository accounts;

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh(target);
        accounts = new AccountRepository(db.jdbc());
    }

    private long columnId(String slug) {
        return db.jdbc().sql("SELECT id FROM column_node WHERE slug = ?").param(slug).query(Long.class).single();
    }

    @Test
    void storesAnAccountAndFindsItByNameAndId() {
        assertThat(accounts.anyAdministrator()).isFalse();
        long id = accounts.insert("wang", "王编辑", "$2a$04$hash", true, NOW);
        Account account = accounts.findByUsername("wang").orElseThrow();
        assertThat(account.id()).isEqualTo(id);
        assertThat(account.displayName()).isEqualTo("王编辑");
        assertThat(account.enabled()).isTrue();
        assertThat(account.createdAt()).isEqualTo(NOW);
        assertThat(accounts.passwordHash(id)).contains("$2a$04$hash");
        assertThat(accounts.anyAdministrator()).isTrue();
        assertThat(accounts.findByUsername("zhang")).isEmpty();
    }

    @Test
    void aNewPasswordReplacesTheHashAndAnUpgradeNeverOverwritesANewerPassword() {
        long id = accounts.insert("li", "李", "old", false, NOW);
        accounts.upgradeHash(id, "old", "upgraded");
        assertThat(accounts.passwordHash(id)).contains("upgraded");
        accounts.setPassword(id, "new", NOW);
        accounts.upgradeHash(id, "upgraded", "stale");
        assertThat(accounts.passwordHash(id)).contains("new");
    }

    @Test
    void grantsArePerColumnAndReplacedAsAWhole() {
        long id = accounts.insert("zhao", "赵", "h", false, NOW);
        long news = columnId("news");
        long policy = columnId("policy");
        accounts.replaceGrants(id, List.of(new ColumnGrant(news, Role.EDITOR), new ColumnGrant(news, Role.REVIEWER),
                new ColumnGrant(policy, Role.CONTRIBUTOR), new ColumnGrant(news, Role.EDITOR)));
        assertThat(accounts.grantsOf(id)).containsExactlyInAnyOrder(new ColumnGrant(news, Role.EDITOR),
                new ColumnGrant(news, Role.REVIEWER), new ColumnGrant(policy, Role.CONTRIBUTOR));
        accounts.replaceGrants(id, List.of(new ColumnGrant(policy, Role.CHIEF_EDITOR)));
        assertThat(accounts.grantsOf(id)).containsExactly(new ColumnGrant(policy, Role.CHIEF_EDITOR));
    }

    @Test
    void addsAndRemovesSingleGrants() {
        long id = accounts.insert("qian", "钱", "h", false, NOW);
        long news = columnId("news");
        assertThat(accounts.addGrant(id, new ColumnGrant(news, Role.EDITOR))).isTrue();
        assertThat(accounts.addGrant(id, new ColumnGrant(news, Role.EDITOR))).isFalse();
        assertThat(accounts.addGrant(id, new ColumnGrant(news, Role.REVIEWER))).isTrue();
        assertThat(accounts.removeGrant(id, new ColumnGrant(news, Role.EDITOR))).isTrue();
        assertThat(accounts.removeGrant(id, new ColumnGrant(news, Role.EDITOR))).isFalse();
        assertThat(accounts.grantsOf(id)).containsExactly(new ColumnGrant(news, Role.REVIEWER));
        accounts.setEnabled(id, false);
        assertThat(accounts.findById(id).orElseThrow().enabled()).isFalse();
    }
}
