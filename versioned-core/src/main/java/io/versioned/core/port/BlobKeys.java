package io.versioned.core.port;

import io.versioned.api.Names;
import io.versioned.api.Version;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The blob key layout, the same for every {@link BlobPort}: keys are relative to the store root and
 * start with {@code {name}/}. Published versions live at {@code {name}/000005}. The bytes of a LATEST
 * written by this library live at a fresh key per put, {@code {name}/LATEST.{id}}, so that the bytes a
 * committed record points at are never overwritten; {@code {name}/LATEST} is where other writers (the
 * Python library) keep LATEST and is read when a LATEST record names no key. Adapters map a key to a
 * physical location (prefix, suffix) and back, and never interpret it otherwise.
 *
 * <p>{@link #isOwn(String)} tells the keys of these exact shapes (the only ones this library writes) from every
 * other object that may share the store, such as the Python S3-only backend's {@code {name}/versions/...} and
 * {@code {name}/aliases/...}: maintenance deletes only keys of these shapes.
 */
public final class BlobKeys {

    private static final String LATEST_UPLOAD_MARKER = "/LATEST.";
    private static final Pattern VERSION = Pattern.compile("(?!000000)[0-9]{6}");
    /** What follows {@code {name}/} in a key this library writes. */
    private static final Pattern OWN = Pattern.compile("LATEST|LATEST\\.[0-9a-f]{32}|" + VERSION.pattern());

    private BlobKeys() {
    }

    /**
     * The key of a version at its fixed place: {@code {name}/{6-digit version}} or {@code {name}/LATEST}.
     *
     * @param name    the artifact name
     * @param version LATEST or a published number
     * @return the key, e.g. {@code model/000005}
     */
    public static String of(String name, Version version) {
        return name + "/" + version.padded();
    }

    /**
     * A fresh key for the bytes of a LATEST put: {@code {name}/LATEST.{uploadId}}.
     *
     * @param name     the artifact name
     * @param uploadId the id of the put; 32 lower-case hex digits for the key to count as {@link #isOwn own}
     * @return the key
     */
    public static String latestUpload(String name, String uploadId) {
        return name + LATEST_UPLOAD_MARKER + uploadId;
    }

    /**
     * A key for the bytes of a new LATEST put, unique to it: {@code {name}/LATEST.{32 lower-case hex}}.
     *
     * @param name the artifact name
     * @return a key never returned before (a random UUID)
     */
    public static String newLatestUpload(String name) {
        return latestUpload(name, UUID.randomUUID().toString().replace("-", ""));
    }

    /**
     * Whether {@code key} was made by {@link #latestUpload(String, String)}.
     *
     * @param key a blob key
     * @return true if the key contains {@code /LATEST.}
     */
    public static boolean isLatestUpload(String key) {
        return key.contains(LATEST_UPLOAD_MARKER);
    }

    /**
     * The artifact a key belongs to, or empty for keys that are not blob keys of this layout (for example the
     * {@code _meta/...} objects an S3-only metadata store keeps beside the blobs): a blob key starts with a
     * valid artifact name and a slash.
     *
     * @param key a key as listed by a {@link BlobPort}
     * @return the artifact name, or empty
     */
    public static Optional<String> artifactOf(String key) {
        int slash = key.indexOf('/');
        if (slash <= 0 || slash == key.length() - 1) {
            return Optional.empty();
        }
        String name = key.substring(0, slash);
        return Names.ARTIFACT.matcher(name).matches() ? Optional.of(name) : Optional.empty();
    }

    /**
     * True for a key of a shape this library writes: {@code {name}/000005} (six digits, 000001 to 999999),
     * {@code {name}/LATEST.{id}} with an id as {@link #newLatestUpload(String)} makes it, or {@code {name}/LATEST}
     * (the Python library's LATEST, which this library reads and may keep in step); {@code name} a valid artifact
     * name. Every other key is foreign: written by another tool, never deleted by this library.
     *
     * @param key a key as listed by a {@link BlobPort}
     * @return true for a key this library may have written (and maintenance may delete)
     */
    public static boolean isOwn(String key) {
        return artifactOf(key).filter(name -> OWN.matcher(key.substring(name.length() + 1)).matches()).isPresent();
    }

    /**
     * Whether {@code key} is the key of a published version, {@code {name}/000005}.
     *
     * @param key a key as listed by a {@link BlobPort}
     * @return true for {@code {name}/000001} to {@code {name}/999999}
     */
    public static boolean isVersion(String key) {
        return artifactOf(key).filter(name -> VERSION.matcher(key.substring(name.length() + 1)).matches()).isPresent();
    }

    /**
     * Where the Python library keeps LATEST's bytes: {@code {name}/LATEST}.
     *
     * @param name the artifact name
     * @return the key
     */
    public static String sharedLatest(String name) {
        return of(name, Version.LATEST);
    }

    /**
     * The prefix under which every key of artifact {@code name} lives: {@code {name}/}.
     *
     * @param name the artifact name
     * @return the prefix, for {@link BlobPort#list(String)}
     */
    public static String artifactPrefix(String name) {
        return name + "/";
    }
}
