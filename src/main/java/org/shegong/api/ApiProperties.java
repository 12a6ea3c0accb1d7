package org.shegong.api;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The open-data API's settings ({@code shegong.api.*}).
 *
 * @param corsOrigins        origins whose browser scripts may read the API (CORS); empty, the default: CORS off
 * @param requestsPerWindow  requests one client address may make per {@code window} before 429
 * @param window             the rate limit's window
 * @param cacheControl       Cache-Control of successful reads (by default what the site's pages send)
 * @param defaultLimit       items per page when {@code limit} is not given
 * @param maxLimit           the largest {@code limit} accepted (more is a 400, not a silent cut)
 * @param tokenRequestsPerWindow write-API requests one token may make per {@code window} before 429
 */
@ConfigurationProperties("shegong.api")
public record ApiProperties(List<String> corsOrigins, Integer requestsPerWindow, Duration window,
                            String cacheControl, Integer defaultLimit, Integer maxLimit,
                            Integer tokenRequestsPerWindow) {

    public ApiProperties {
        corsOrigins = corsOrigins == null ? List.of()
                : corsOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
        requestsPerWindow = requestsPerWindow == null ? 300 : requestsPerWindow;
        window = window == null ? Duration.ofMinutes(1) : window;
        cacheControl = cacheControl == null || cacheControl.isBlank()
                ? "public, max-age=30, s-maxage=60, stale-while-revalidate=30" : cacheControl;
        defaultLimit = defaultLimit == null ? 20 : defaultLimit;
        maxLimit = maxLimit == null ? 100 : maxLimit;
        tokenRequestsPerWindow = tokenRequestsPerWindow == null ? 120 : tokenRequestsPerWindow;
    }
}
