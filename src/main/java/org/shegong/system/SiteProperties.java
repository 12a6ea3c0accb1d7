package org.shegong.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What an operator sets about the site itself.
 *
 * @param name     the site's name in titles and headers
 * @param baseUrl  the public address, for canonical links and OpenGraph tags (no trailing slash)
 * @param owner    the organisation that runs the site, for the footer
 */
@ConfigurationProperties("shegong.site")
public record SiteProperties(String name, String baseUrl, String owner) {

    public SiteProperties {
        name = name == null || name.isBlank() ? "社工中国网" : name;
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
        owner = owner == null || owner.isBlank() ? "中国社会工作联合会" : owner;
    }
}
