package io.versioned.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.versioned.api.Alias;
import io.versioned.api.AliasChange;
import io.versioned.api.AliasTarget;
import io.versioned.api.Artifact;
import io.versioned.api.ArtifactNotFoundException;
import io.versioned.api.ConflictException;
import io.versioned.api.Names;
import io.versioned.api.PurgeResult;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.core.spi.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The JSON resources: artifacts, versions, aliases, alias history, resolve and purge. Every name and version is
 * checked ({@link Names}, {@link Version#parse}) before the repository is called; the repository's exceptions
 * become the answers of {@link ErrorResponse}.
 */
final class RepositoryRoutes {

    private static final String ARTIFACT = VersionedServer.API + "/artifacts/{name}";
    private static final String VERSION = ARTIFACT + "/versions/{version}";
    private static final String ALIAS = ARTIFACT + "/aliases/{alias}";

    private final Repository repository;

    RepositoryRoutes(Repository repository) {
        this.repository = repository;
    }

    List<Route> routes() {
        return List.of(
                new Route(HandlerType.GET, VersionedServer.API + "/session", Scope.READ, this::session),
                new Route(HandlerType.GET, VersionedServer.API + "/artifacts", Scope.READ, this::artifacts),
                new Route(HandlerType.GET, ARTIFACT + "/versions", Scope.READ, this::versions),
                new Route(HandlerType.POST, ARTIFACT + "/versions", Scope.ADMIN, this::publish),
                new Route(HandlerType.GET, VERSION, Scope.READ, this::showVersion),
                new Route(HandlerType.DELETE, VERSION, Scope.ADMIN, this::delete),
                new Route(HandlerType.POST, VERSION + "/restore", Scope.ADMIN, this::restore),
                new Route(HandlerType.GET, ARTIFACT + "/aliases", Scope.READ, this::aliases),
                new Route(HandlerType.GET, ALIAS, Scope.READ, this::showAlias),
                new Route(HandlerType.PUT, ALIAS, Scope.ADMIN, this::putAlias),
                new Route(HandlerType.DELETE, ALIAS, Scope.ADMIN, this::deleteAlias),
                new Route(HandlerType.GET, ALIAS + "/history", Scope.READ, this::history),
                new Route(HandlerType.POST, ALIAS + "/rollback", Scope.ADMIN, this::rollback),
                new Route(HandlerType.GET, ARTIFACT + "/resolve/{alias}", Scope.READ, this::resolve),
                new Route(HandlerType.POST, ARTIFACT + "/purge", Scope.ADMIN, this::purge));
    }

    private void session(Context ctx) {
        json(ctx, 200, Map.of("scope", Authentication.scope(ctx).name().toLowerCase(Locale.ROOT)));
    }

    private void artifacts(Context ctx) {
        json(ctx, 200, Map.of("artifacts", repository.listArtifactNames()));
    }

    private void versions(Context ctx) {
        String name = name(ctx);
        List<Artifact> versions = repository.listArtifactVersions(name);
        if (versions.isEmpty() && !repository.listArtifactNames().contains(name)) {
            throw new ArtifactNotFoundException("artifact " + name + " does not exist");
        }
        List<Alias> aliases = repository.listAliases(name);
        List<Object> out = new ArrayList<>();
        for (Artifact artifact : versions) {
            Map<String, Object> view = Json.artifact(artifact);
            view.put("aliases", aliases.stream().filter(alias -> alias.version().equals(artifact.version())
                    || alias.secondaryVersion().filter(artifact.version()::equals).isPresent())
                    .map(Alias::alias).toList());
            out.add(view);
        }
        json(ctx, 200, Map.of("versions", out));
    }

    private void publish(Context ctx) {
        json(ctx, 201, Json.artifact(repository.publishArtifactVersion(name(ctx))));
    }

    private void showVersion(Context ctx) {
        json(ctx, 200, Json.artifact(repository.getArtifactVersion(name(ctx), version(ctx))));
    }

    private void delete(Context ctx) {
        repository.deleteArtifactVersion(name(ctx), version(ctx));
        ctx.status(204);
    }

    private void restore(Context ctx) {
        json(ctx, 200, Json.artifact(repository.restoreArtifactVersion(name(ctx), version(ctx))));
    }

    private void aliases(Context ctx) {
        json(ctx, 200, Map.of("aliases", repository.listAliases(name(ctx)).stream().map(Json::alias).toList()));
    }

    private void showAlias(Context ctx) {
        json(ctx, 200, Json.alias(repository.getAlias(name(ctx), alias(ctx))));
    }

    private void putAlias(Context ctx) {
        String name = name(ctx);
        String alias = alias(ctx);
        JsonNode body = Json.readObject(ctx.body());
        Version version = versionField(body, "version").orElseThrow(() ->
                new IllegalArgumentException("version: is required (LATEST or a number from 1 to 999999)"));
        Optional<Version> secondary = versionField(body, "secondaryVersion");
        int weight = (int) integerField(body, "secondaryWeight", 0, 99).orElse(0L).longValue();
        Optional<Long> expected = integerField(body, "expectedRevision", 0, Long.MAX_VALUE);
        AliasTarget target = new AliasTarget(version, secondary, weight);
        Alias stored = expected.isPresent()
                ? repository.putAlias(name, alias, target, expected.get())
                : repository.putAlias(name, alias, version, secondary.orElse(null), weight);
        json(ctx, 200, Json.alias(stored));
    }

    private void deleteAlias(Context ctx) {
        repository.deleteAlias(name(ctx), alias(ctx));
        ctx.status(204);
    }

    private void history(Context ctx) {
        json(ctx, 200, Map.of("history",
                repository.getAliasHistory(name(ctx), alias(ctx)).stream().map(Json::change).toList()));
    }

    /** Points the alias back at the target it had before its last change, if it is still at that change. */
    private void rollback(Context ctx) {
        String name = name(ctx);
        String alias = alias(ctx);
        Alias current = repository.getAlias(name, alias);
        AliasTarget previous = repository.getAliasHistory(name, alias).stream()
                .filter(change -> change.revision() == current.revision()).findFirst()
                .flatMap(AliasChange::previous)
                .orElseThrow(() -> new ConflictException("alias " + alias + " of " + name + " has no previous "
                        + "target to roll back to (its last change created it, or its history was lost)"));
        json(ctx, 200, Json.alias(repository.putAlias(name, alias, previous, current.revision())));
    }

    private void resolve(Context ctx) {
        String name = name(ctx);
        String alias = alias(ctx);
        String key = ctx.queryParam("key");
        Artifact artifact = key == null ? repository.resolve(name, alias) : repository.resolve(name, alias, key);
        json(ctx, 200, Json.artifact(artifact));
    }

    private void purge(Context ctx) {
        String name = name(ctx);
        int keep = (int) queryInteger(ctx, "keep", 0, Version.MAX_NUMBER).orElse(0L).longValue();
        String olderThan = ctx.queryParam("olderThan");
        Duration age = olderThan == null ? Duration.ZERO : Durations.parse(olderThan);
        String dryRun = Optional.ofNullable(ctx.queryParam("dryRun")).orElse("true");
        if (!dryRun.equals("true") && !dryRun.equals("false")) {
            throw new IllegalArgumentException("dryRun: must be true or false, got '" + dryRun + "'");
        }
        PurgeResult result = repository.purgeArtifactVersions(name, keep, age, dryRun.equals("true"));
        json(ctx, 200, Json.purge(result));
    }

    private static String name(Context ctx) {
        return Names.artifact(ctx.pathParam("name"));
    }

    private static String alias(Context ctx) {
        return Names.alias(ctx.pathParam("alias"));
    }

    private static Version version(Context ctx) {
        return Version.parse(ctx.pathParam("version"));
    }

    private static Optional<Version> versionField(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        String text = node.isString() ? node.stringValue() : node.isIntegralNumber() ? node.toString() : "";
        try {
            return Optional.of(Version.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": must be LATEST or a number from 1 to " + Version.MAX_NUMBER
                    + ", got " + node, e);
        }
    }

    private static Optional<Long> integerField(JsonNode body, String field, long min, long max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < min
                || node.longValue() > max) {
            throw new IllegalArgumentException(field + ": must be an integer from " + min + " to " + max
                    + ", got " + node);
        }
        return Optional.of(node.longValue());
    }

    private static Optional<Long> queryInteger(Context ctx, String parameter, long min, long max) {
        String value = ctx.queryParam(parameter);
        if (value == null) {
            return Optional.empty();
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed >= min && parsed <= max) {
                return Optional.of(parsed);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(parameter + ": must be an integer from " + min + " to " + max
                + ", got '" + value + "'");
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }
}
