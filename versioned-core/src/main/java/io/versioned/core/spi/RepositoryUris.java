package io.versioned.core.spi;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Helpers for {@link RepositoryProvider#parse(String)}: the errors in the one form every provider uses, and the
 * parts of a {@code scheme://authority/path?query} URI with its parameters decoded and checked.
 */
public final class RepositoryUris {

    /** The start of every message of a URI error: the name of the argument of {@code Versioned.open}. */
    public static final String ERROR_PREFIX = "uri: ";

    private RepositoryUris() {
    }

    /**
     * The error for a URI that breaks {@code rule}.
     *
     * @param rule what is wrong and, where it helps, the accepted form, e.g.
     *             {@code "memory: takes no location, got 'memory:x'"}; never a secret of the URI
     * @return an {@link IllegalArgumentException} whose message is {@value #ERROR_PREFIX} followed by {@code rule}
     */
    public static IllegalArgumentException invalid(String rule) {
        return new IllegalArgumentException(ERROR_PREFIX + rule);
    }

    /**
     * Decodes one {@code application/x-www-form-urlencoded} query component ({@code %2F}, {@code +}).
     *
     * @param text the encoded text
     * @return the decoded text
     * @throws IllegalArgumentException if {@code text} has a malformed escape
     */
    public static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("'" + text + "' has a malformed %-escape");
        }
    }

    /**
     * Parses an endpoint parameter: an {@code http} or {@code https} URL with a host.
     *
     * @param parameter the parameter's name, for the message
     * @param text      its value
     * @return the URL
     * @throws IllegalArgumentException if {@code text} is not such a URL
     */
    public static URI endpoint(String parameter, String text) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(parameter + " must be an http or https URL with a host, got '" + text + "'");
        }
        if (url.getHost() == null
                || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
            throw invalid(parameter + " must be an http or https URL with a host, got '" + text + "'");
        }
        return url;
    }

    /**
     * Splits a {@code scheme://authority[/path][?query]} URI, refusing parameters outside {@code allowed} and
     * parameters without a value.
     *
     * @param text     the URI
     * @param needs    what the authority is, with an example, quoted when it is missing, e.g.
     *                 {@code "a bucket, e.g. s3://my-bucket/artifacts"}
     * @param allowed  the parameter names the scheme accepts
     * @return the authority, the path without leading and trailing {@code /}, and the decoded parameters
     * @throws IllegalArgumentException if {@code text} is not a URI, has no authority, or has an unknown or empty
     *                                  parameter
     */
    public static Hierarchical hierarchical(String text, String needs, Set<String> allowed) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid("'" + text + "' is not a valid URI: " + e.getReason());
        }
        if (uri.getRawAuthority() == null) {
            throw invalid(uri.getScheme() + ": needs " + needs);
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        path = path.startsWith("/") ? path.substring(1) : path;
        path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String key = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                if (!allowed.contains(key)) {
                    throw invalid(uri.getScheme() + ": unknown parameter '" + key + "'; allowed: "
                            + String.join(", ", allowed.stream().sorted().toList()));
                }
                if (value.isBlank()) {
                    throw invalid(uri.getScheme() + ": parameter '" + key + "' needs a value");
                }
                parameters.put(key, value);
            }
        }
        return new Hierarchical(uri.getRawAuthority(), path, Map.copyOf(parameters));
    }

    /**
     * The parts of a {@code scheme://authority/path?query} URI.
     *
     * @param authority  the authority, as written (e.g. a bucket name)
     * @param path       the path without leading and trailing {@code /}; empty when the URI has none
     * @param parameters the decoded query parameters
     */
    public record Hierarchical(String authority, String path, Map<String, String> parameters) {
    }
}
