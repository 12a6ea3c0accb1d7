package org.shegong.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This node's name among the nodes that share one database: {@code shegong.node.id}, or by default the host name
 * and a digest of the data directory, so two nodes on one host (each with its own data directory) differ and a
 * node keeps its name across restarts. What is kept per node (outbox positions of its index and caches, job
 * leases it holds) is stored under it.
 */
@Component
public final class NodeId {

    /** Stored names are {@code consumer@node} in a VARCHAR(64), beside consumer names of up to 20 characters. */
    static final int MAX_LENGTH = 40;
    private static final Logger log = LoggerFactory.getLogger(NodeId.class);

    private final String value;

    @Autowired
    NodeId(@Value("${shegong.node.id:}") String configured, @Value("${shegong.data-dir:./data}") String dataDir) {
        this(configured == null || configured.isBlank() ? derived(hostName(), dataDir) : clean(configured));
        log.info("Node id: {}", value);
    }

    private NodeId(String value) {
        this.value = value;
    }

    /** A node of the given name (tests, and tools that act as one node). */
    public static NodeId of(String name) {
        return new NodeId(clean(name));
    }

    public String value() {
        return value;
    }

    static String derived(String host, String dataDir) {
        String directory = Path.of(dataDir).toAbsolutePath().normalize().toString();
        String digest = HexFormat.of().formatHex(sha256(directory), 0, 4);
        String name = clean(host);
        return name.substring(0, Math.min(name.length(), MAX_LENGTH - 9)) + "-" + digest;
    }

    /** Letters, digits, dot, dash and underscore; at most {@link #MAX_LENGTH} characters. */
    static String clean(String raw) {
        String cleaned = raw.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        if (cleaned.isEmpty() || cleaned.equals("-")) {
            cleaned = "node";
        }
        return cleaned.length() > MAX_LENGTH ? cleaned.substring(0, MAX_LENGTH) : cleaned;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "node" : env;
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
