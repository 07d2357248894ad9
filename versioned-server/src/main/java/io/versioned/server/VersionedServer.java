package io.versioned.server;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.versioned.api.Repository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code versioned serve}: the HTTP API over one repository (routes under {@link #API}, described by the OpenAPI
 * document at {@code /api/v1/openapi.json}) and the web console (static files at {@code /}), on Javalin (Jetty).
 * The server does not own the repository: closing it stops listening and leaves the repository open.
 */
public final class VersionedServer implements AutoCloseable {

    /** The prefix of every API route. */
    public static final String API = "/api/v1";
    /** The path of the OpenAPI document. */
    public static final String OPENAPI = API + "/openapi.json";

    private static final Logger LOG = LoggerFactory.getLogger(VersionedServer.class);
    private static final long MAX_JSON_BODY = 64 * 1024;

    private final Javalin app;

    private VersionedServer(Javalin app) {
        this.app = app;
    }

    /**
     * Starts listening.
     *
     * @param repository the repository to serve; used by every request, never closed by the server
     * @param settings   where to listen and what to accept
     * @return the running server
     * @throws IllegalStateException if the port cannot be bound
     */
    public static VersionedServer start(Repository repository, ServerSettings settings) {
        Objects.requireNonNull(repository, "repository");
        List<Route> routes = new ArrayList<>(new RepositoryRoutes(repository).routes());
        routes.addAll(new ContentRoutes(repository, settings.maxUploadBytes()).routes());
        Authentication authentication = new Authentication(settings.tokens());
        String openapi = resource("openapi.json");
        Javalin app = Javalin.create(config -> configure(config, settings, routes, authentication, openapi));
        try {
            app.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot listen on " + settings.host() + ":" + settings.port() + ": "
                    + e.getMessage(), e);
        }
        return new VersionedServer(app);
    }

    private static void configure(JavalinConfig config, ServerSettings settings, List<Route> routes,
                                  Authentication authentication, String openapi) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jetty.host = settings.host();
        config.jetty.port = settings.port();
        config.http.maxRequestSize = MAX_JSON_BODY;
        config.http.compressionStrategy = CompressionStrategy.NONE;
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/io/versioned/server/console";
            files.location = Location.CLASSPATH;
        });
        if (!settings.corsOrigins().isEmpty()) {
            String first = settings.corsOrigins().get(0);
            String[] others = settings.corsOrigins().subList(1, settings.corsOrigins().size()).toArray(String[]::new);
            config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> rule.allowHost(first, others)));
        }
        config.routes.beforeMatched(authentication::check);
        for (Route route : routes) {
            if (route.method().equals(HandlerType.GET)) {
                config.routes.get(route.path(), route.handler(), route.scope());
            } else if (route.method().equals(HandlerType.POST)) {
                config.routes.post(route.path(), route.handler(), route.scope());
            } else if (route.method().equals(HandlerType.PUT)) {
                config.routes.put(route.path(), route.handler(), route.scope());
            } else if (route.method().equals(HandlerType.DELETE)) {
                config.routes.delete(route.path(), route.handler(), route.scope());
            } else {
                throw new IllegalStateException("unsupported method " + route.method());
            }
        }
        config.routes.get(OPENAPI, ctx -> ctx.contentType("application/json").result(openapi));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, e));
        config.routes.exception(Exception.class, (e, ctx) -> answer(ctx, e));
    }

    private static void answer(Context ctx, Exception e) {
        ErrorResponse response = ErrorResponse.of(e);
        if (response.status() >= 500) {
            LOG.warn("{} {} failed: {}", ctx.method(), ctx.path(), response.message(), e);
        }
        error(ctx, response);
    }

    private static void error(Context ctx, ErrorResponse response) {
        ctx.status(response.status()).contentType("application/json").result(Json.write(response.body()));
    }

    private static String resource(String name) {
        try (InputStream in = VersionedServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the server's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The port the server listens on (the one picked when the settings asked for 0).
     *
     * @return the port
     */
    public int port() {
        return app.port();
    }

    /**
     * The API routes as registered with Javalin, {@code METHOD PATH} each (for example
     * {@code GET /api/v1/artifacts}), the OpenAPI document's own route included.
     *
     * @return the routes, as the router holds them
     */
    public List<String> registeredRoutes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint.method.name() + " " + parsed.endpoint.path)
                .filter(route -> route.contains(API)).sorted().toList();
    }

    /** Stops listening; the repository stays open. */
    @Override
    public void close() {
        app.stop();
    }
}
