package io.versioned.adapter.s3only;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The key layout of the metadata objects (see {@link S3OnlyMetadataPort}), and the rules for the names that
 * go into keys. Every metadata key starts with {@code {prefix}/_meta/}; artifact names never start with
 * {@code _}, so no metadata key can equal or contain a blob key {@code {prefix}/{name}/...}.
 */
final class MetadataKeys {

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern PREFIX_SEGMENT = Pattern.compile("[A-Za-z0-9!_.*'()-]+");
    private static final int MAX_PREFIX_LENGTH = 512;
    private static final Pattern ARTIFACT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private final String root;

    /**
     * @throws IllegalArgumentException if {@code prefix} breaks {@link #requirePrefix(String)}
     */
    MetadataKeys(String prefix) {
        this.root = requirePrefix(prefix) + "/_meta/";
    }

    /** {@code {prefix}/_meta/}: every metadata object lives below it. */
    String root() {
        return root;
    }

    /** {@code {prefix}/_meta/_names/}: one empty-ish marker object per artifact name. */
    String namesPrefix() {
        return root + "_names/";
    }

    /** {@code {prefix}/_meta/_names/{name}}. */
    String nameMarker(String name) {
        return namesPrefix() + requireArtifact(name);
    }

    /**
     * The artifact name of a key listed under {@link #namesPrefix()}, or empty if the key is not a valid marker
     * key (a foreign object).
     */
    Optional<String> nameOfMarker(String key) {
        if (!key.startsWith(namesPrefix())) {
            return Optional.empty();
        }
        String name = key.substring(namesPrefix().length());
        return ARTIFACT.matcher(name).matches() ? Optional.of(name) : Optional.empty();
    }

    /** {@code {prefix}/_meta/{name}/}: every per-artifact metadata object lives below it. */
    String artifactPrefix(String name) {
        return root + requireArtifact(name) + "/";
    }

    /**
     * {@code {prefix}/_meta/{name}/versions.json}: in format 2 the index that says the records are under
     * {@link #versionDocuments}; in format 1 (earlier releases) every version record of the artifact.
     */
    String versionsIndex(String name) {
        return artifactPrefix(name) + "versions.json";
    }

    /** {@code {prefix}/_meta/{name}/versions/}: the format-2 documents of the version records. */
    String versionDocuments(String name) {
        return artifactPrefix(name) + "versions/";
    }

    /** {@code {prefix}/_meta/{name}/versions/{block}.json}: the format-2 document of one {@link VersionBlock}. */
    String versionDocument(String name, VersionBlock block) {
        return versionDocuments(name) + block.fileName();
    }

    /**
     * {@code {prefix}/_meta/{name}/versions/_migration.json}: the records of a format-1 {@code versions.json} while
     * they are moved to their format-2 documents.
     */
    String versionsMigration(String name) {
        return versionDocuments(name) + "_migration.json";
    }

    /** {@code {prefix}/_meta/{name}/aliases.json}: every alias record of the artifact. */
    String aliases(String name) {
        return artifactPrefix(name) + "aliases.json";
    }

    /** {@code {prefix}/_meta/{name}/counter.json}: the highest version number handed out. */
    String counter(String name) {
        return artifactPrefix(name) + "counter.json";
    }

    /** {@code {prefix}/_meta/{name}/history/{alias}.json}: every history entry of one alias. */
    String history(String name, String alias) {
        return artifactPrefix(name) + "history/" + requireAlias(alias) + ".json";
    }

    /**
     * @throws IllegalArgumentException unless {@code bucket} follows the S3 bucket naming rules
     */
    static String requireBucket(String bucket) {
        if (bucket == null || !BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw new IllegalArgumentException("bucket: must be 3 to 63 lower-case letters, digits, '.' or '-', "
                    + "starting and ending with a letter or digit, got " + quoted(bucket));
        }
        return bucket;
    }

    /**
     * @throws IllegalArgumentException unless {@code prefix} is one or more '/'-separated segments of letters,
     *                                  digits and {@code !_.*'()-}, at most 512 characters
     */
    static String requirePrefix(String prefix) {
        if (prefix == null || prefix.isEmpty() || prefix.length() > MAX_PREFIX_LENGTH) {
            throw new IllegalArgumentException("prefix: must be 1 to " + MAX_PREFIX_LENGTH + " characters, got "
                    + quoted(prefix));
        }
        for (String segment : prefix.split("/", -1)) {
            if (!PREFIX_SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("prefix: must be '/'-separated non-empty segments of letters, "
                        + "digits and !_.*'()- with no leading or trailing '/', got " + quoted(prefix));
            }
        }
        return prefix;
    }

    /**
     * @throws IllegalArgumentException unless {@code name} is a valid artifact name
     */
    static String requireArtifact(String name) {
        if (name == null || !ARTIFACT.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "name: must match [A-Za-z0-9][A-Za-z0-9._-]{0,127}, got " + quoted(name));
        }
        return name;
    }

    /**
     * @throws IllegalArgumentException unless {@code alias} is a valid alias name
     */
    static String requireAlias(String alias) {
        if (alias == null || !ALIAS.matcher(alias).matches()) {
            throw new IllegalArgumentException("alias: must match [A-Za-z][A-Za-z0-9_]{0,63}, got " + quoted(alias));
        }
        return alias;
    }

    private static String quoted(String value) {
        return value == null ? "null" : "'" + value + "'";
    }
}
