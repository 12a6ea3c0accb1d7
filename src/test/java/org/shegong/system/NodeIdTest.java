package org.shegong.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A node's name: from the configuration, or the host and its data directory; always short and plain. */
class NodeIdTest {

    @Test
    void aConfiguredNameIsKeptPlainAndShort() {
        assertThat(NodeId.of("Node-A").value()).isEqualTo("node-a");
        assertThat(NodeId.of("web 1 / 北京").value()).isEqualTo("web-1-");
        assertThat(NodeId.of("  ").value()).isEqualTo("node");
        assertThat(NodeId.of("x".repeat(100)).value()).hasSize(NodeId.MAX_LENGTH);
    }

    @Test
    void byDefaultTwoDataDirectoriesOnOneHostAreTwoNodesAndOneDirectoryIsOneNodeAcrossRestarts() {
        String a = NodeId.derived("web01.example.org", "/srv/shegong/a");
        assertThat(a).startsWith("web01.example.org-").matches("[a-z0-9.-]+-[0-9a-f]{8}");
        assertThat(NodeId.derived("web01.example.org", "/srv/shegong/b")).isNotEqualTo(a);
        assertThat(NodeId.derived("web01.example.org", "/srv/shegong/a/../a")).isEqualTo(a);
        assertThat(NodeId.derived("h".repeat(80), "/data")).hasSizeLessThanOrEqualTo(NodeId.MAX_LENGTH);
    }
}
