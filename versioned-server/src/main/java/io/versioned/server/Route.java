package io.versioned.server;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One route of the API: method, path (Javalin's {@code {param}} syntax, as in OpenAPI), the scope a token needs,
 * and the handler.
 *
 * @param method  the HTTP method
 * @param path    the path, starting with {@link VersionedServer#API}
 * @param scope   the scope a token needs
 * @param handler what answers
 */
record Route(HandlerType method, String path, Scope scope, Handler handler) {
}
