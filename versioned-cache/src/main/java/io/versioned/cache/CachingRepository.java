package io.versioned.cache;

import io.versioned.api.Alias;
import io.versioned.api.AliasChange;
import io.versioned.api.AliasNotFoundException;
import io.versioned.api.AliasTarget;
import io.versioned.api.Artifact;
import io.versioned.api.ArtifactNotFoundException;
import io.versioned.api.BackendException;
import io.versioned.api.IntegrityException;
import io.versioned.api.PurgeResult;
import io.versioned.api.PutOptions;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.api.VersionedException;
import io.versioned.cache.VerifiedFiles.FileState;
import io.versioned.core.Sha256;
import io.versioned.core.spi.CacheSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A repository read through a local cache; see {@code docs/serving.md}.
 *
 * <ul>
 *   <li>Content lives on disk under the cache folder, one file per SHA-256, verified on the way in and on the
 *       first read by this object, and again whenever the file changed since ({@link VerifiedFiles}); a corrupted
 *       file is deleted and read again from the store. Bounded in bytes with least-recently-used eviction, shared
 *       safely by several processes.</li>
 *   <li>Published versions are immutable: their records are kept for the life of this object. Alias records,
 *       LATEST, listings and alias histories are kept for the time-to-live; within it a {@code resolve} sends no
 *       request.</li>
 *   <li>When the store fails with a {@link BackendException}, a record whose time-to-live ran out less than the
 *       maximum staleness ago is served instead; the {@link CacheListener} is told and a warning is logged.
 *       Without such a record the failure is thrown.</li>
 *   <li>Writes go to the store and drop what this object cached of the artifact they change.</li>
 * </ul>
 *
 * <p>Thread-safe. Closing it closes the repository read through.
 */
public final class CachingRepository implements Repository {

    private static final Logger LOG = LoggerFactory.getLogger(CachingRepository.class);

    private final Repository store;
    private final CacheSettings settings;
    private final Clock clock;
    private final CacheListener listener;
    private final VerifiedFiles verified = new VerifiedFiles();
    private final ContentStore content;
    private final Map<Key, Artifact> published = new ConcurrentHashMap<>();
    private final Map<Key, Fetched> expiring = new ConcurrentHashMap<>();

    /**
     * @param store    the repository read through; closed with this one
     * @param settings the folder, time-to-live, bound and maximum staleness
     * @param clock    the clock the time-to-live and staleness are measured with
     * @param listener told when a record is served because the store failed
     * @throws IllegalArgumentException if an argument is null or the cache folder cannot be created
     */
    public CachingRepository(Repository store, CacheSettings settings, Clock clock, CacheListener listener) {
        if (store == null || settings == null || clock == null || listener == null) {
            throw new IllegalArgumentException("store, settings, clock, listener: must not be null");
        }
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.listener = listener;
        this.content = new ContentStore(settings.directory(), settings.maxBytes(), clock, verified);
    }

    /** The folder, time-to-live, bound and maximum staleness. */
    public CacheSettings settings() {
        return settings;
    }

    /**
     * The local file holding the bytes of {@code artifact}, read from the store first when missing. The file is
     * complete and was verified when it was written; it is never rewritten, but eviction may delete it later, so
     * open it soon (an open file stays readable).
     *
     * @throws IntegrityException if the store's bytes do not match
     */
    public Path file(Artifact artifact) {
        return content.fetch(artifact, () -> store.openContent(artifact.name(), artifact.version()));
    }

    /** The bytes of the cached content, summed over every process sharing the folder. */
    public long cachedBytes() {
        return content.totalBytes();
    }

    /**
     * Watches {@code alias}: see {@link AliasWatch}.
     *
     * @param name     the artifact
     * @param alias    the alias
     * @param interval how often the store is asked, at least 10 ms (each wait varies by up to 10 %)
     * @param listener told of each change, with local files, and of each failure
     * @return the running watch; close it to stop
     * @throws IllegalArgumentException if an argument is null or the interval below 10 ms
     */
    public AliasWatch watch(String name, String alias, Duration interval, AliasListener listener) {
        return new AliasWatch(this, name, alias, interval, listener);
    }

    /** The alias as the store has it now, bypassing the time-to-live; the cached record is refreshed. */
    Alias freshAlias(String name, String alias) {
        Key key = new Key("getAlias", name, alias);
        Alias fresh = store.getAlias(name, alias);
        expiring.put(key, new Fetched(fresh, clock.instant()));
        return fresh;
    }

    @Override
    public Artifact resolve(String name, String alias) {
        Alias record = getAlias(name, alias);
        return getArtifactVersion(name, record.randomVersion());
    }

    @Override
    public Artifact resolve(String name, String alias, String routingKey) {
        Alias record = getAlias(name, alias);
        return getArtifactVersion(name, record.route(routingKey));
    }

    @Override
    public Alias getAlias(String name, String alias) {
        return expiring(new Key("getAlias", name, alias), () -> store.getAlias(name, alias));
    }

    @Override
    public List<Alias> listAliases(String name) {
        return expiring(new Key("listAliases", name, ""), () -> store.listAliases(name));
    }

    @Override
    public Artifact getArtifactVersion(String name) {
        return getArtifactVersion(name, Version.LATEST);
    }

    @Override
    public Artifact getArtifactVersion(String name, Version version) {
        if (version == null || version.isLatest()) {
            return expiring(new Key("getArtifactVersion", name, String.valueOf(version)),
                    () -> store.getArtifactVersion(name, version));
        }
        Key key = new Key("getArtifactVersion", name, version.toString());
        Artifact known = published.get(key);
        listener.read(key.operation(), known != null);
        if (known != null) {
            return known;
        }
        Artifact read = store.getArtifactVersion(name, version);
        published.put(key, read);
        return read;
    }

    @Override
    public List<Artifact> listArtifactVersions(String name) {
        return expiring(new Key("listArtifactVersions", name, ""), () -> store.listArtifactVersions(name));
    }

    @Override
    public List<String> listArtifactNames() {
        return expiring(new Key("listArtifactNames", "", ""), store::listArtifactNames);
    }

    @Override
    public int getLatestPublishedVersionNumber(String name) {
        return expiring(new Key("getLatestPublishedVersionNumber", name, ""),
                () -> store.getLatestPublishedVersionNumber(name));
    }

    @Override
    public List<AliasChange> getAliasHistory(String name, String alias) {
        return expiring(new Key("getAliasHistory", name, alias), () -> store.getAliasHistory(name, alias));
    }

    @Override
    public byte[] getContent(String name, Version version) {
        Artifact artifact = getArtifactVersion(name, version);
        return fromCache(artifact, file -> {
            FileState before = verified.state(file);
            Instant started = Instant.now();
            byte[] bytes = Files.readAllBytes(file);
            if (verified.isTrusted(file, before) && before.equals(verified.state(file))) {
                return bytes;
            }
            if (!Sha256.of(bytes).equals(artifact.sha256())) {
                return null;
            }
            verified.verified(file, before, started);
            return bytes;
        });
    }

    @Override
    public InputStream openContent(String name, Version version) {
        Artifact artifact = getArtifactVersion(name, version);
        return fromCache(artifact, file -> {
            // Read through the channel that is returned: another process may evict (delete) the file meanwhile,
            // which never takes the bytes from under an open file.
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            try {
                FileState before = verified.state(file);
                if (verified.isTrusted(file, before)) {
                    return Channels.newInputStream(channel);
                }
                Instant started = Instant.now();
                if (Sha256.of(Channels.newInputStream(channel)).equals(artifact.sha256())) {
                    verified.verified(file, before, started);
                    channel.position(0);
                    return Channels.newInputStream(channel);
                }
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            channel.close();
            return null;
        });
    }

    @Override
    public Artifact download(String name, Version version, Path target) {
        if (target == null || target.toAbsolutePath().getParent() == null
                || !Files.isDirectory(target.toAbsolutePath().getParent()) || Files.isDirectory(target)) {
            throw new IllegalArgumentException("target: its directory must exist and it must not be a directory, got "
                    + target);
        }
        Artifact artifact = getArtifactVersion(name, version);
        return fromCache(artifact, file -> copy(file, artifact.sha256(), target.toAbsolutePath()) ? artifact : null);
    }

    @Override
    public void bootstrap() {
        store.bootstrap();
    }

    @Override
    public Artifact putArtifact(String name, byte[] bytes) {
        return changing(name, () -> store.putArtifact(name, bytes));
    }

    @Override
    public Artifact putArtifact(String name, byte[] bytes, PutOptions options) {
        return changing(name, () -> store.putArtifact(name, bytes, options));
    }

    @Override
    public Artifact putArtifact(String name, Path file, PutOptions options) {
        return changing(name, () -> store.putArtifact(name, file, options));
    }

    @Override
    public Artifact putArtifact(String name, InputStream bytes, PutOptions options) {
        return changing(name, () -> store.putArtifact(name, bytes, options));
    }

    @Override
    public Artifact publishArtifactVersion(String name) {
        return changing(name, () -> store.publishArtifactVersion(name));
    }

    @Override
    public void deleteArtifactVersion(String name, Version version) {
        changing(name, () -> {
            store.deleteArtifactVersion(name, version);
            return null;
        });
    }

    @Override
    public Artifact restoreArtifactVersion(String name, Version version) {
        return changing(name, () -> store.restoreArtifactVersion(name, version));
    }

    @Override
    public Alias putAlias(String name, String alias, Version version) {
        return changing(name, () -> store.putAlias(name, alias, version));
    }

    @Override
    public Alias putAlias(String name, String alias, Version version, Version secondary, int secondaryWeight) {
        return changing(name, () -> store.putAlias(name, alias, version, secondary, secondaryWeight));
    }

    @Override
    public Alias putAlias(String name, String alias, AliasTarget target, long expectedRevision) {
        return changing(name, () -> store.putAlias(name, alias, target, expectedRevision));
    }

    @Override
    public void deleteAlias(String name, String alias) {
        changing(name, () -> {
            store.deleteAlias(name, alias);
            return null;
        });
    }

    @Override
    public PurgeResult purgeArtifactVersions(String name, int keepLastN, Duration purgeOlderThan) {
        return changing(name, () -> store.purgeArtifactVersions(name, keepLastN, purgeOlderThan));
    }

    @Override
    public PurgeResult purgeArtifactVersions(String name, int keepLastN, Duration purgeOlderThan, boolean dryRun) {
        return changing(name, () -> store.purgeArtifactVersions(name, keepLastN, purgeOlderThan, dryRun));
    }

    @Override
    public void purgeArtifact(String name) {
        changing(name, () -> {
            store.purgeArtifact(name);
            return null;
        });
    }

    @Override
    public void purgeAll() {
        try {
            store.purgeAll();
        } finally {
            published.clear();
            expiring.clear();
        }
    }

    @Override
    public void close() {
        store.close();
    }

    @Override
    public String toString() {
        return "CachingRepository[" + settings.directory() + " in front of " + store + "]";
    }

    /** A cached record within its time-to-live, else the store's; the last known one if the store fails. */
    @SuppressWarnings("unchecked")
    private <T> T expiring(Key key, Supplier<T> read) {
        Instant now = clock.instant();
        Fetched known = expiring.get(key);
        boolean hit = known != null && now.isBefore(known.at().plus(settings.ttl()));
        listener.read(key.operation(), hit);
        if (hit) {
            return (T) known.value();
        }
        try {
            T fresh = read.get();
            expiring.put(key, new Fetched(fresh, now));
            return fresh;
        } catch (AliasNotFoundException | ArtifactNotFoundException gone) {
            expiring.remove(key);
            throw gone;
        } catch (BackendException failure) {
            if (known == null || !now.isBefore(known.at().plus(settings.ttl()).plus(settings.maxStale()))) {
                throw failure;
            }
            Duration age = Duration.between(known.at(), now);
            String operation = key.describe();
            LOG.warn("versioned cache: the store failed on {}; serving what it returned {} ago: {}", operation, age,
                    failure.toString());
            listener.servedStale(operation, failure, age);
            return (T) known.value();
        }
    }

    private <T> T changing(String name, Supplier<T> write) {
        try {
            return write.get();
        } finally {
            published.keySet().removeIf(key -> key.name().equals(name));
            expiring.keySet().removeIf(key -> key.name().equals(name) || key.name().isEmpty());
        }
    }

    /**
     * Reads the cached file of {@code artifact} with {@code read}, which answers null when the bytes do not match.
     * A file that does not match is deleted and fetched again, once; a file evicted by another process between
     * finding and opening it is fetched again, a few times.
     */
    private <T> T fromCache(Artifact artifact, CachedRead<T> read) {
        boolean refetched = false;
        for (int vanished = 0; ; ) {
            Path file = file(artifact);
            try {
                T result = read.apply(file);
                if (result != null) {
                    return result;
                }
            } catch (NoSuchFileException evicted) {
                if (++vanished < 5) {
                    continue;
                }
                throw new VersionedException("cache: " + file + " kept being evicted before it was read; is "
                        + "cacheMaxBytes below the size of what is read at once?", evicted);
            } catch (IOException e) {
                throw new VersionedException("cache: reading " + file + " failed: " + e, e);
            }
            content.discard(file);
            LOG.warn("versioned cache: {} did not match the SHA-256 {} of {} {}; deleted, reading it again", file,
                    artifact.sha256(), artifact.name(), artifact.version());
            if (refetched) {
                throw new IntegrityException("cache: the bytes of " + artifact.name() + " " + artifact.version()
                        + " did not match their SHA-256 " + artifact.sha256() + " twice in a row");
            }
            refetched = true;
        }
    }

    /** A read of a cached file: its result, or null when the bytes do not match the SHA-256. */
    @FunctionalInterface
    private interface CachedRead<T> {
        T apply(Path file) throws IOException;
    }

    /**
     * Copies {@code file} to {@code target} through a temporary file beside it and a rename: a plain copy when this
     * process verified the file and it did not change before the copy ended, otherwise hashed while copied.
     *
     * @return false, with nothing written, when the bytes do not match {@code sha256}
     */
    private boolean copy(Path file, String sha256, Path target) throws IOException {
        Path part = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            FileState before = verified.state(file);
            if (!(verified.isTrusted(file, before) && copyUnchanged(file, before, part))) {
                Instant started = Instant.now();
                if (!copyHashed(file, sha256, part)) {
                    return false;
                }
                verified.verified(file, before, started);
            }
            ContentStore.move(part, target);
            part = null;
            return true;
        } finally {
            if (part != null) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // a temporary file beside the target; the failure that got here is what matters
                }
            }
        }
    }

    /** Copies a trusted file; false when it changed while it was copied (then it must be hashed). */
    private boolean copyUnchanged(Path file, FileState before, Path part) throws IOException {
        Files.copy(file, part, StandardCopyOption.REPLACE_EXISTING);
        return before.equals(verified.state(file));
    }

    private static boolean copyHashed(Path file, String sha256, Path part) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = Files.newInputStream(file); OutputStream out = Files.newOutputStream(part)) {
            byte[] buffer = new byte[256 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return Sha256.hex(digest).equals(sha256);
    }

    /** What was read: the operation and its arguments. */
    private record Key(String operation, String name, String argument) {
        String describe() {
            return operation + " " + name + (argument.isEmpty() ? "" : "/" + argument);
        }
    }

    private record Fetched(Object value, Instant at) {
    }
}
