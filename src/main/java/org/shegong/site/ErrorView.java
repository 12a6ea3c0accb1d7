package org.shegong.site;

public record ErrorView(Chrome chrome, int status, String heading, String message) {
}
