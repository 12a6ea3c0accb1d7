package org.shegong.system.db;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Every commit on an H2 file database is written to the file before the statement returns.
 *
 * <p>H2's MVStore keeps committed changes in memory and writes them in the background every
 * {@code WRITE_DELAY} milliseconds (500 by default): a process killed within that window loses transactions
 * whose commit had already returned, so the server had confirmed a publish it then forgot (docs/adr/0019).
 * {@code WRITE_DELAY=0} makes each commit store its changes at once. This is added to any H2 file URL, the
 * default one and one an operator sets, unless the URL names its own {@code WRITE_DELAY}.
 */
public class DurableH2 implements EnvironmentPostProcessor, Ordered {

    static final String URL = "spring.datasource.url";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty(URL);
        String durable = durable(url);
        if (durable != null && !durable.equals(url)) {
            environment.getPropertySources().addFirst(new MapPropertySource("shegongDurableH2", Map.of(URL, durable)));
        }
    }

    /** The URL with {@code WRITE_DELAY=0} when it is an H2 database on disk without a write delay of its own. */
    static String durable(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        boolean h2OnDisk = lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:")
                && !lower.startsWith("jdbc:h2:tcp:") && !lower.startsWith("jdbc:h2:ssl:");
        if (!h2OnDisk || lower.contains(";write_delay=")) {
            return url;
        }
        return url + ";WRITE_DELAY=0";
    }

    /** After {@link org.shegong.system.DataDirectory} has made the data directory absolute. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 30;
    }
}
