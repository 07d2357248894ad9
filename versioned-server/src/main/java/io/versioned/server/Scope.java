package io.versioned.server;

import io.javalin.security.RouteRole;

/**
 * What a bearer token may do. {@link #READ} lists, resolves and downloads; {@link #ADMIN} also writes (put,
 * publish, delete, restore, alias changes, purge).
 */
public enum Scope implements RouteRole {
    /** Lists, resolves and downloads. */
    READ,
    /** Everything {@link #READ} does, and every write. */
    ADMIN;

    /**
     * Whether a token of this scope may call a route that requires {@code required}.
     *
     * @param required the scope the route requires
     * @return true for an admin token, or for a read token on a read route
     */
    public boolean allows(Scope required) {
        return this == ADMIN || required == READ;
    }
}
