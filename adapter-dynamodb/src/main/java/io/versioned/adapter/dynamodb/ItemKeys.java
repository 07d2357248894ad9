package io.versioned.adapter.dynamodb;

import io.versioned.api.Version;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The partition and sort keys of every item the adapter reads or writes (see {@link DynamoMetadataPort} for the
 * whole layout). Artifact names never start with {@code _}, so the partitions this class builds with a leading
 * {@code __} never meet a version partition; their suffixes ({@code -alias}, {@code -alias-history},
 * {@code -counter}) end differently, so partitions of different kinds or of different artifacts never meet
 * either.
 */
final class ItemKeys {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String NAMES_PARTITION = "__names";
    static final String COUNTER_SORT_KEY = "counter";

    private static final Pattern ARTIFACT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern ALIAS_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Pattern VERSION_SORT_KEY = Pattern.compile("[0-9]{6}");
    private static final String LATEST = "LATEST";

    private ItemKeys() {
    }

    /** The partition of the version rows of {@code name}: the name itself (Python layout). */
    static String versionPartition(String name) {
        return requireArtifactName(name);
    }

    /** The partition of the alias rows of {@code name}: {@code __{name}-alias} (Python layout). */
    static String aliasPartition(String name) {
        return "__" + requireArtifactName(name) + "-alias";
    }

    /** The partition of the alias history of {@code name}: {@code __{name}-alias-history}. */
    static String historyPartition(String name) {
        return "__" + requireArtifactName(name) + "-alias-history";
    }

    /** The partition of the version counter of {@code name}: {@code __{name}-counter}. */
    static String counterPartition(String name) {
        return "__" + requireArtifactName(name) + "-counter";
    }

    /** {@code LATEST} or the six-digit number, e.g. {@code 000005} (Python layout). */
    static String versionSortKey(Version version) {
        return version.padded();
    }

    /**
     * The version a version row's sort key names.
     *
     * @throws IllegalArgumentException if it is neither {@code LATEST} nor six digits from 000001
     */
    static Version parseVersionSortKey(String sortKey) {
        if (LATEST.equals(sortKey)) {
            return Version.LATEST;
        }
        if (!VERSION_SORT_KEY.matcher(sortKey).matches()) {
            throw new IllegalArgumentException("sk: must be LATEST or six digits, got '" + sortKey + "'");
        }
        return Version.of(Integer.parseInt(sortKey));
    }

    /** The sort key of one history entry: {@code {alias}#{revision, 19 digits}}, so that entries sort by revision. */
    static String historySortKey(String alias, long revision) {
        if (revision < 0) {
            throw new IllegalArgumentException("revision: must be >= 0, got " + revision);
        }
        return historySortKeyPrefix(alias) + String.format(Locale.ROOT, "%019d", revision);
    }

    /** The prefix shared by every history entry of {@code alias}: {@code {alias}#}. */
    static String historySortKeyPrefix(String alias) {
        return requireAliasName(alias) + "#";
    }

    /** The sort key of an alias row: the alias name (Python layout). */
    static String aliasSortKey(String alias) {
        return requireAliasName(alias);
    }

    /** The sort key of a name-index row: the artifact name. */
    static String nameSortKey(String name) {
        return requireArtifactName(name);
    }

    static Map<String, AttributeValue> key(String partitionKey, String sortKey) {
        return Map.of(PK, AttributeValue.fromS(partitionKey), SK, AttributeValue.fromS(sortKey));
    }

    private static String requireArtifactName(String name) {
        if (name == null || !ARTIFACT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: must match " + ARTIFACT_NAME + ", got '" + name + "'");
        }
        return name;
    }

    private static String requireAliasName(String alias) {
        if (alias == null || !ALIAS_NAME.matcher(alias).matches()) {
            throw new IllegalArgumentException("alias: must match " + ALIAS_NAME + ", got '" + alias + "'");
        }
        return alias;
    }
}
