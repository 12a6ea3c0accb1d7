package org.shegong.system.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** A page's reads on one borrowed connection, returned afterwards, on H2, PostgreSQL and MariaDB. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class OneConnectionTest {

    @Parameter
    DatabaseTarget target;

    BorrowCounting pool;
    JdbcClient jdbc;
    OneConnection connection;

    @BeforeEach
    void setUp() {
        pool = new BorrowCounting(TestDatabase.fresh(target));
        jdbc = JdbcClient.create(pool);
        connection = new OneConnection(new DataSourceTransactionManager(pool));
    }

    private long threeReads() {
        long sum = 0;
        for (int i = 0; i < 3; i++) {
            sum += jdbc.sql("SELECT COUNT(*) FROM column_node").query(Long.class).single();
        }
        return sum;
    }

    @Test
    void theReadsInsideBorrowOneConnectionAndGiveItBack() {
        long outside = threeReads();
        assertThat(pool.borrowed.get()).isEqualTo(3);
        assertThat(connection.read(this::threeReads)).isEqualTo(outside);
        assertThat(pool.borrowed.get()).isEqualTo(4);
        assertThat(pool.returned.get()).isEqualTo(4);
    }

    @Test
    void anExceptionPassesUnchangedAndTheConnectionIsReturned() {
        IllegalStateException thrown = new IllegalStateException("没有找到");
        assertThatThrownBy(() -> connection.read(() -> {
            threeReads();
            throw thrown;
        })).isSameAs(thrown);
        assertThat(pool.borrowed.get()).isEqualTo(1);
        assertThat(pool.returned.get()).isEqualTo(1);
    }

    /** Reads are in autocommit, and a write in a transaction of its own inside commits on a connection of its own. */
    @Test
    void noTransactionIsBegunAndATransactionInsideCommitsOnItsOwn() {
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
        connection.read(() -> {
            boolean autoCommit = jdbc.sql("SELECT 1").query((rs, n) -> {
                try {
                    return rs.getStatement().getConnection().getAutoCommit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }).single();
            assertThat(autoCommit).isTrue();
            transactions.executeWithoutResult(s -> jdbc.sql("INSERT INTO job_lock (name, lease_until, locked_at, locked_by)"
                    + " VALUES ('one-connection', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'test')").update());
            return null;
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM job_lock WHERE name = 'one-connection'").query(Long.class).single())
                .isEqualTo(1);
        assertThat(pool.returned.get()).isEqualTo(pool.borrowed.get());
    }

    /** Counts the connections taken from the pool and given back. */
    static final class BorrowCounting extends DelegatingDataSource {

        final AtomicInteger borrowed = new AtomicInteger();
        final AtomicInteger returned = new AtomicInteger();

        BorrowCounting(TestDatabase db) {
            super(db.dataSource());
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection real = super.getConnection();
            borrowed.incrementAndGet();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            returned.incrementAndGet();
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
