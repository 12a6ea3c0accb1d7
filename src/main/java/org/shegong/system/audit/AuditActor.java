package org.shegong.system.audit;

/** Who an audit entry names: a person (id and display name) or the system (no id), and from which address. */
public interface AuditActor {

    Long userId();

    String name();

    String address();
}
