package org.shegong.search.query;

/**
 * A place at the search gate held by a test, as another reader's search would hold it while computing; given back on
 * close. Public for the web tests, which cannot reach {@link SearchGate#enter()}.
 */
public final class HeldGatePlace implements AutoCloseable {

    private final SearchGate gate;

    private HeldGatePlace(SearchGate gate) {
        this.gate = gate;
    }

    /** Takes a place at once or waits as a search would; fails if the gate refuses. */
    public static HeldGatePlace take(SearchGate gate) {
        if (!gate.enter()) {
            throw new IllegalStateException("the search gate refused the test its place");
        }
        return new HeldGatePlace(gate);
    }

    @Override
    public void close() {
        gate.leave();
    }
}
