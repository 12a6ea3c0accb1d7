package org.shegong.system.web;

public record ErrorView(Chrome chrome, int status, String heading, String message) {
}
