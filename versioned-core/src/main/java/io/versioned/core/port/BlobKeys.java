package io.versioned.core.port;

import io.versioned.api.Names;
import io.versioned.api.Version;
import java.util.Optional;

/**
 * The blob key layout, the same for every {@link BlobPort}: keys are relative to the store root and
 * start with {@code {name}/}. Published versions live at {@code {name}/000005}. The bytes of a LATEST
 * written by this library live at a fresh key per put, {@code {name}/LATEST.{id}}, so that the bytes a
 * committed record points at are never overwritten; {@code {name}/LATEST} is where other writers (the
 * Python library) keep LATEST and is read when a LATEST record names no key. Adapters map a key to a
 * physical location (prefix, suffix) and back, and never interpret it otherwise.
 */
public final class BlobKeys {

    private static final String LATEST_UPLOAD_MARKER = "/LATEST.";

    private BlobKeys() {
    }

    /** {@code {name}/{6-digit version}} or {@code {name}/LATEST}. */
    public static String of(String name, Version version) {
        return name + "/" + version.padded();
    }

    /** A fresh key for the bytes of a LATEST put: {@code {name}/LATEST.{uploadId}}. */
    public static String latestUpload(String name, String uploadId) {
        return name + LATEST_UPLOAD_MARKER + uploadId;
    }

    /** True for keys made by {@link #latestUpload(String, String)}. */
    public static boolean isLatestUpload(String key) {
        return key.contains(LATEST_UPLOAD_MARKER);
    }

    /**
     * The artifact a key belongs to, or empty for keys that are not blob keys of this layout (for example the
     * {@code _meta/...} objects an S3-only metadata store keeps beside the blobs): a blob key starts with a
     * valid artifact name and a slash.
     */
    public static Optional<String> artifactOf(String key) {
        int slash = key.indexOf('/');
        if (slash <= 0 || slash == key.length() - 1) {
            return Optional.empty();
        }
        String name = key.substring(0, slash);
        return Names.ARTIFACT.matcher(name).matches() ? Optional.of(name) : Optional.empty();
    }

    /** The prefix under which every key of artifact {@code name} lives: {@code {name}/}. */
    public static String artifactPrefix(String name) {
        return name + "/";
    }
}
