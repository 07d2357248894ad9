package io.versioned.server;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Set;

/**
 * Checks the bearer token of every request to a route that requires a {@link Scope}, before the route runs:
 * none or an unknown one is 401, a read token on an admin route is 403. Routes without a scope (the console's
 * static files, the OpenAPI document) are public. Tokens are never logged nor echoed.
 */
final class Authentication {

    private static final String SCOPE = "versioned.scope";
    private static final String BEARER = "Bearer ";

    private final Tokens tokens;

    Authentication(Tokens tokens) {
        this.tokens = tokens;
    }

    void check(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) {
            return;
        }
        Scope required = (Scope) roles.iterator().next();
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiProblem(401, "unauthorized", "Authorization: must be 'Bearer TOKEN' with a token of this "
                    + "server");
        }
        Scope scope = tokens.scopeOf(header.substring(BEARER.length()).strip()).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return new ApiProblem(401, "unauthorized", "Authorization: the bearer token is not one of this server's");
        });
        if (!scope.allows(required)) {
            throw new ApiProblem(403, "forbidden", "this route needs a token of scope admin; the token presented "
                    + "has scope read");
        }
        ctx.attribute(SCOPE, scope);
    }

    /** The scope of the token the request was authenticated with. */
    static Scope scope(Context ctx) {
        return ctx.attribute(SCOPE);
    }
}
