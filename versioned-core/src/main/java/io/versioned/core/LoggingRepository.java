package io.versioned.core;

import io.versioned.api.Alias;
import io.versioned.api.AliasChange;
import io.versioned.api.AliasTarget;
import io.versioned.api.Artifact;
import io.versioned.api.PurgeResult;
import io.versioned.api.PutOptions;
import io.versioned.api.Repository;
import io.versioned.api.ResolvedContent;
import io.versioned.api.Version;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Repository} that forwards every call to another one and logs it at debug level, on the logger
 * {@code io.versioned.core.LoggingRepository}: one line per call, naming the operation, the artifact name, the version
 * and the alias it concerned ({@code -} where none applies; a call that returned an {@link Artifact} or an
 * {@link Alias} names the version it returned, such as the number a publish gave) and how long it took. A call that
 * threw logs the same line with the exception's type (the caller gets the exception itself).
 *
 * <p>Guarantees: it never logs above debug, never logs content, metadata, tags, routing keys or file paths (nothing
 * an operator did not choose as a name), never configures logging, and changes no result or exception of the
 * repository it wraps. {@link Repositories#of} and {@link VersionedCoreModule} wrap every repository in one.
 */
final class LoggingRepository implements Repository {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingRepository.class);
    private static final String NONE = "-";

    private final Repository delegate;

    /** @param delegate the repository whose calls are logged */
    LoggingRepository(Repository delegate) {
        this.delegate = delegate;
    }

    @Override
    public void bootstrap() {
        run("bootstrap", NONE, NONE, NONE, delegate::bootstrap);
    }

    @Override
    public Artifact putArtifact(String name, byte[] content) {
        return call("putArtifact", name, Version.LATEST, NONE, () -> delegate.putArtifact(name, content),
                Artifact::version);
    }

    @Override
    public Artifact putArtifact(String name, byte[] content, PutOptions options) {
        return call("putArtifact", name, Version.LATEST, NONE, () -> delegate.putArtifact(name, content, options),
                Artifact::version);
    }

    @Override
    public Artifact putArtifact(String name, Path file, PutOptions options) {
        return call("putArtifact", name, Version.LATEST, NONE, () -> delegate.putArtifact(name, file, options),
                Artifact::version);
    }

    @Override
    public Artifact putArtifact(String name, InputStream content, PutOptions options) {
        return call("putArtifact", name, Version.LATEST, NONE, () -> delegate.putArtifact(name, content, options),
                Artifact::version);
    }

    @Override
    public Artifact publishArtifactVersion(String name) {
        return call("publishArtifactVersion", name, Version.LATEST, NONE,
                () -> delegate.publishArtifactVersion(name), Artifact::version);
    }

    @Override
    public void deleteArtifactVersion(String name, Version version) {
        run("deleteArtifactVersion", name, version, NONE, () -> delegate.deleteArtifactVersion(name, version));
    }

    @Override
    public Artifact restoreArtifactVersion(String name, Version version) {
        return call("restoreArtifactVersion", name, version, NONE,
                () -> delegate.restoreArtifactVersion(name, version), Artifact::version);
    }

    @Override
    public Alias putAlias(String name, String alias, Version version) {
        return call("putAlias", name, version, alias, () -> delegate.putAlias(name, alias, version), Alias::target);
    }

    @Override
    public Alias putAlias(String name, String alias, Version version, Version secondary, int secondaryWeight) {
        return call("putAlias", name, version, alias,
                () -> delegate.putAlias(name, alias, version, secondary, secondaryWeight), Alias::target);
    }

    @Override
    public Alias putAlias(String name, String alias, AliasTarget target, long expectedRevision) {
        return call("putAlias", name, target, alias,
                () -> delegate.putAlias(name, alias, target, expectedRevision), Alias::target);
    }

    @Override
    public void deleteAlias(String name, String alias) {
        run("deleteAlias", name, NONE, alias, () -> delegate.deleteAlias(name, alias));
    }

    @Override
    public PurgeResult purgeArtifactVersions(String name, int keepLastN, Duration purgeOlderThan) {
        return call("purgeArtifactVersions", name, NONE, NONE,
                () -> delegate.purgeArtifactVersions(name, keepLastN, purgeOlderThan), PurgeResult::purged);
    }

    @Override
    public PurgeResult purgeArtifactVersions(String name, int keepLastN, Duration purgeOlderThan, boolean dryRun) {
        return call("purgeArtifactVersions", name, NONE, NONE,
                () -> delegate.purgeArtifactVersions(name, keepLastN, purgeOlderThan, dryRun), PurgeResult::purged);
    }

    @Override
    public void purgeArtifact(String name) {
        run("purgeArtifact", name, NONE, NONE, () -> delegate.purgeArtifact(name));
    }

    @Override
    public void purgeAll() {
        run("purgeAll", NONE, NONE, NONE, delegate::purgeAll);
    }

    @Override
    public Artifact getArtifactVersion(String name) {
        return call("getArtifactVersion", name, Version.LATEST, NONE, () -> delegate.getArtifactVersion(name),
                Artifact::version);
    }

    @Override
    public Artifact getArtifactVersion(String name, Version version) {
        return call("getArtifactVersion", name, version, NONE, () -> delegate.getArtifactVersion(name, version),
                Artifact::version);
    }

    @Override
    public List<Artifact> listArtifactVersions(String name) {
        return call("listArtifactVersions", name, NONE, NONE, () -> delegate.listArtifactVersions(name),
                versions -> NONE);
    }

    @Override
    public List<String> listArtifactNames() {
        return call("listArtifactNames", NONE, NONE, NONE, delegate::listArtifactNames, names -> NONE);
    }

    @Override
    public int getLatestPublishedVersionNumber(String name) {
        return call("getLatestPublishedVersionNumber", name, NONE, NONE,
                () -> delegate.getLatestPublishedVersionNumber(name), number -> number);
    }

    @Override
    public byte[] getContent(String name, Version version) {
        return call("getContent", name, version, NONE, () -> delegate.getContent(name, version),
                bytes -> version);
    }

    @Override
    public InputStream openContent(String name, Version version) {
        return call("openContent", name, version, NONE, () -> delegate.openContent(name, version),
                stream -> version);
    }

    @Override
    public Artifact download(String name, Version version, Path target) {
        return call("download", name, version, NONE, () -> delegate.download(name, version, target),
                Artifact::version);
    }

    @Override
    public Alias getAlias(String name, String alias) {
        return call("getAlias", name, NONE, alias, () -> delegate.getAlias(name, alias), Alias::target);
    }

    @Override
    public List<Alias> listAliases(String name) {
        return call("listAliases", name, NONE, NONE, () -> delegate.listAliases(name), aliases -> NONE);
    }

    @Override
    public Artifact resolve(String name, String alias) {
        return call("resolve", name, NONE, alias, () -> delegate.resolve(name, alias), Artifact::version);
    }

    @Override
    public Artifact resolve(String name, String alias, String routingKey) {
        return call("resolve", name, NONE, alias, () -> delegate.resolve(name, alias, routingKey),
                Artifact::version);
    }

    @Override
    public ResolvedContent resolveContent(String name, String alias) {
        return call("resolveContent", name, NONE, alias, () -> delegate.resolveContent(name, alias),
                resolved -> resolved.artifact().version());
    }

    @Override
    public ResolvedContent resolveContent(String name, String alias, String routingKey) {
        return call("resolveContent", name, NONE, alias, () -> delegate.resolveContent(name, alias, routingKey),
                resolved -> resolved.artifact().version());
    }

    @Override
    public List<AliasChange> getAliasHistory(String name, String alias) {
        return call("getAliasHistory", name, NONE, alias, () -> delegate.getAliasHistory(name, alias),
                history -> NONE);
    }

    @Override
    public void close() {
        run("close", NONE, NONE, NONE, delegate::close);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }

    private void run(String operation, String name, Object version, String alias, Runnable call) {
        call(operation, name, version, alias, () -> {
            call.run();
            return null;
        }, nothing -> version);
    }

    /**
     * Runs {@code call} and logs it. {@code version} is what the call was asked for; {@code outcome} picks what to
     * name as the version from the result ({@code -} for none).
     */
    private <T> T call(String operation, String name, Object version, String alias, Supplier<T> call,
            Function<T, Object> outcome) {
        if (!LOG.isDebugEnabled()) {
            return call.get();
        }
        long start = System.nanoTime();
        T result;
        try {
            result = call.get();
        } catch (RuntimeException | Error e) {
            LOG.debug("{} name={} version={} alias={} failed in {} ms: {}", operation, shown(name), version,
                    shown(alias), millis(start), e.getClass().getSimpleName());
            throw e;
        }
        Object returned = outcome.apply(result);
        LOG.debug("{} name={} version={} alias={} took {} ms", operation, shown(name),
                NONE.equals(returned) ? version : returned, shown(alias), millis(start));
        return result;
    }

    /** {@code text} on one line: a control character (a name that fails validation may hold one) as an escape. */
    private static String shown(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                shown.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }

    private static String millis(long start) {
        return String.format(Locale.ROOT, "%.3f", (System.nanoTime() - start) / 1_000_000.0);
    }
}
