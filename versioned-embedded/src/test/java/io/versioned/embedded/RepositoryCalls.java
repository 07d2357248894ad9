package io.versioned.embedded;

import io.versioned.api.AliasTarget;
import io.versioned.api.BackendException;
import io.versioned.api.PutOptions;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.api.VersionedException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One call of every public {@link Repository} method (every overload), in an order that keeps the destructive ones
 * (purges, close) last, for tests that run the whole API against a failing store and check what each call gives.
 * {@link #publicMethods()} lists the methods by reflection, so a test can check that no method is left out.
 */
final class RepositoryCalls {

    /** The alias that exists before the calls run, at revision {@link Fixture#productionRevision()}. */
    static final String PRODUCTION = "production";
    /** An alias with a canary that exists before the calls run. */
    static final String CANARY = "canary";
    /** An alias that the calls create and then delete. */
    static final String STAGING = "staging";

    private RepositoryCalls() {
    }

    /**
     * What the calls work on.
     *
     * @param name               the artifact, with versions 1 to 3 published and a LATEST differing from version 3
     * @param newFile            a file whose bytes differ from every stored version
     * @param downloadTarget     where {@code download} writes (its directory exists)
     * @param unchangedLatest    the bytes of the current LATEST of {@code name}
     * @param productionRevision the revision of alias {@link #PRODUCTION}
     */
    record Fixture(String name, Path newFile, Path downloadTarget, byte[] unchangedLatest, long productionRevision) {
    }

    /** A call of one method: {@code signature} is {@code name(SimpleType,...)}, {@code label} tells calls apart. */
    record Call(String signature, String label, Action action) {
    }

    /** The body of a call; returns what the method returned (null for void). */
    @FunctionalInterface
    interface Action {
        Object run(Repository repository) throws Exception;
    }

    /**
     * What a call gave: its value, or what it threw.
     *
     * @param value   the returned value, or null
     * @param failure the throwable, or null when the call returned
     */
    record Outcome(Object value, Throwable failure) {

        /**
         * {@code returned}, the simple name of a {@link VersionedException} subclass (with the retryable flag of a
         * {@link BackendException}), or {@code RAW <class>} for anything else thrown.
         */
        String describe() {
            if (failure == null) {
                return "returned";
            }
            if (failure instanceof BackendException backend) {
                return "BackendException(retryable=" + backend.isRetryable() + ")";
            }
            if (failure instanceof VersionedException) {
                return failure.getClass().getSimpleName();
            }
            return "RAW " + failure.getClass().getName();
        }
    }

    /** Runs {@code call}, catching whatever it throws. */
    static Outcome run(Call call, Repository repository) {
        try {
            return new Outcome(call.action().run(repository), null);
        } catch (Throwable t) {
            return new Outcome(null, t);
        }
    }

    /** Runs every call in order; the outcomes by label, in that order. */
    static Map<String, Outcome> runAll(List<Call> calls, Repository repository) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        calls.forEach(call -> outcomes.put(call.label(), run(call, repository)));
        return outcomes;
    }

    /** The signatures ({@code name(SimpleType,...)}) of every public method of {@link Repository}. */
    static Set<String> publicMethods() {
        return Arrays.stream(Repository.class.getMethods())
                .filter(method -> !Modifier.isStatic(method.getModifiers()))
                .map(RepositoryCalls::signature)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Every public method of {@link Repository} called once on {@code f}, plus two telling variants: a put of the
     * bytes LATEST already has (nothing to upload), and {@code openContent} of LATEST. Read calls read the content to
     * its end. Purges and {@code close} come last.
     */
    static List<Call> every(Fixture f) {
        String name = f.name();
        return List.of(
                call("bootstrap()", r -> {
                    r.bootstrap();
                    return null;
                }),
                call("putArtifact(String,byte[])", r -> r.putArtifact(name, bytes("new bytes one"))),
                call("putArtifact(String,byte[],PutOptions)", r -> r.putArtifact(name, bytes("new bytes two"),
                        PutOptions.builder().contentType("text/plain").build())),
                call("putArtifact(String,Path,PutOptions)", r -> r.putArtifact(name, f.newFile(), PutOptions.none())),
                call("putArtifact(String,InputStream,PutOptions)", r -> r.putArtifact(name,
                        new ByteArrayInputStream(bytes("new bytes four")), PutOptions.none())),
                new Call("putArtifact(String,byte[])", "putArtifact(String,byte[]) of LATEST's own bytes",
                        r -> r.putArtifact(name, f.unchangedLatest())),
                call("getArtifactVersion(String)", r -> r.getArtifactVersion(name)),
                call("getArtifactVersion(String,Version)", r -> r.getArtifactVersion(name, Version.of(1))),
                call("listArtifactVersions(String)", r -> r.listArtifactVersions(name)),
                call("publishArtifactVersion(String)", r -> r.publishArtifactVersion(name)),
                call("deleteArtifactVersion(String,Version)", r -> {
                    r.deleteArtifactVersion(name, Version.of(3));
                    return null;
                }),
                call("restoreArtifactVersion(String,Version)", r -> r.restoreArtifactVersion(name, Version.of(3))),
                call("listArtifactNames()", Repository::listArtifactNames),
                call("getLatestPublishedVersionNumber(String)", r -> r.getLatestPublishedVersionNumber(name)),
                call("getContent(String,Version)", r -> r.getContent(name, Version.of(1)).length),
                call("openContent(String,Version)", r -> readToEnd(r, name, Version.of(1))),
                new Call("openContent(String,Version)", "openContent(String,Version) of LATEST",
                        r -> readToEnd(r, name, Version.LATEST)),
                call("download(String,Version,Path)", r -> r.download(name, Version.of(1), f.downloadTarget())),
                call("putAlias(String,String,Version)", r -> r.putAlias(name, STAGING, Version.of(1))),
                call("putAlias(String,String,Version,Version,int)",
                        r -> r.putAlias(name, CANARY, Version.of(2), Version.of(1), 10)),
                call("putAlias(String,String,AliasTarget,long)", r -> r.putAlias(name, PRODUCTION,
                        new AliasTarget(Version.of(1), Optional.empty(), 0), f.productionRevision())),
                call("getAlias(String,String)", r -> r.getAlias(name, PRODUCTION)),
                call("listAliases(String)", r -> r.listAliases(name)),
                call("deleteAlias(String,String)", r -> {
                    r.deleteAlias(name, STAGING);
                    return null;
                }),
                call("resolve(String,String)", r -> r.resolve(name, PRODUCTION)),
                call("resolve(String,String,String)", r -> r.resolve(name, CANARY, "user-42")),
                call("resolveContent(String,String)", r -> r.resolveContent(name, PRODUCTION)),
                call("resolveContent(String,String,String)", r -> r.resolveContent(name, CANARY, "user-42")),
                call("getAliasHistory(String,String)", r -> r.getAliasHistory(name, PRODUCTION)),
                call("purgeArtifactVersions(String,int,Duration,boolean)",
                        r -> r.purgeArtifactVersions(name, 0, Duration.ZERO, true)),
                call("purgeArtifactVersions(String,int,Duration)",
                        r -> r.purgeArtifactVersions(name, 0, Duration.ZERO)),
                call("purgeArtifact(String)", r -> {
                    r.purgeArtifact(name);
                    return null;
                }),
                call("purgeAll()", r -> {
                    r.purgeAll();
                    return null;
                }),
                call("close()", r -> {
                    r.close();
                    return null;
                }));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Call call(String signature, Action action) {
        return new Call(signature, signature, action);
    }

    private static Integer readToEnd(Repository repository, String name, Version version) throws Exception {
        try (InputStream in = repository.openContent(name, version)) {
            return in.readAllBytes().length;
        }
    }

    private static String signature(Method method) {
        return method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(",", "(", ")"));
    }
}
