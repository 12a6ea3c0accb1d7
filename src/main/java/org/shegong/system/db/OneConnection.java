package org.shegong.system.db;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a page's reads on one pooled connection, in autocommit: no transaction is begun, but while the work runs the
 * first connection it borrows stays bound to the thread (Spring's transaction synchronization under SUPPORTS), so
 * the page's statements do not each borrow and return one. Under 32 readers and ten connections every return
 * handed the connection to a waiting thread through the pool's spin (5 % of an uncached article's JVM samples on
 * PostgreSQL, issue 18). A transaction begun inside takes a connection of its own, as without this.
 */
@Component
public class OneConnection {

    private final TransactionTemplate scope;

    public OneConnection(PlatformTransactionManager transactions) {
        this.scope = new TransactionTemplate(transactions);
        this.scope.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
    }

    /** The work's result; its runtime exceptions pass through unchanged. */
    public <T> T read(Supplier<T> work) {
        return scope.execute(status -> work.get());
    }
}
