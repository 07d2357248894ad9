package io.versioned.adapter.jdbc;

import io.versioned.api.AliasChange;
import io.versioned.api.AliasTarget;
import io.versioned.api.Version;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.TargetFacts;
import io.versioned.core.port.VersionRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Converts records to statement parameters and result rows to records. Times are bound as UTC
 * {@link OffsetDateTime} values truncated to microseconds and read back as such, which round-trips an
 * {@link Instant} exactly on H2 and PostgreSQL whatever the JVM's or the server's time zone.
 */
final class Rows {

    /** Columns of {@code versioned_versions}, in the order {@link #VERSION} reads them. */
    static final String VERSION_COLUMNS = "name, version, update_at, deleted, sha256, size_bytes, content_type, "
            + "metadata_json, blob_key, alias_pins_json, revision";

    /** Columns of {@code versioned_aliases}: the alias, then the {@link TargetFacts} of each target (NULL: none). */
    private static final List<String> ALIAS_COLUMN_LIST = Stream.concat(
            Stream.of("name", "alias", "update_at", "version", "secondary_version", "secondary_weight", "revision"),
            Stream.of("primary", "secondary").flatMap(target -> Stream.of("update_at", "sha256", "size_bytes",
                    "content_type", "metadata_json", "blob_key").map(fact -> target + "_" + fact))).toList();

    /** Columns of {@code versioned_aliases}. */
    static final String ALIAS_COLUMNS = String.join(", ", ALIAS_COLUMN_LIST);

    /** Inserts an alias row bound by {@link #bindAlias}. */
    static final String INSERT_ALIAS = "INSERT INTO versioned_aliases (" + ALIAS_COLUMNS + ") VALUES ("
            + ALIAS_COLUMN_LIST.stream().map(column -> ":" + column).collect(Collectors.joining(", ")) + ")";

    /** Replaces an alias row bound by {@link #bindAlias} if it is at revision {@code :expected}. */
    static final String UPDATE_ALIAS = "UPDATE versioned_aliases SET "
            + ALIAS_COLUMN_LIST.stream().filter(column -> !column.equals("name") && !column.equals("alias"))
                    .map(column -> column + " = :" + column).collect(Collectors.joining(", "))
            + " WHERE name = :name AND alias = :alias AND revision = :expected";

    /** Columns of {@code versioned_alias_history}. */
    static final String HISTORY_COLUMNS = "name, alias, revision, changed_at, prev_version, prev_secondary_version, "
            + "prev_secondary_weight, cur_version, cur_secondary_version, cur_secondary_weight";

    static final RowMapper<VersionRecord> VERSION = (rs, ctx) -> new VersionRecord(
            rs.getString("name"),
            new Version(rs.getInt("version")),
            instant(rs, "update_at"),
            rs.getBoolean("deleted"),
            rs.getString("sha256"),
            rs.getLong("size_bytes"),
            rs.getString("content_type"),
            FlatJson.decodeStrings(rs.getString("metadata_json")),
            rs.getString("blob_key"),
            FlatJson.decodeLongs(rs.getString("alias_pins_json")),
            rs.getLong("revision"));

    static final RowMapper<AliasRecord> ALIAS = (rs, ctx) -> {
        AliasTarget target = target(rs, "version", "secondary_version", "secondary_weight").orElseThrow();
        Map<Version, TargetFacts> facts = new HashMap<>();
        Optional<TargetFacts> primary = facts(rs, "primary");
        if (primary.isPresent()) {
            facts.put(target.version(), primary.get());
        }
        Optional<TargetFacts> secondary = facts(rs, "secondary");
        if (secondary.isPresent() && target.secondaryVersion().isPresent()) {
            facts.put(target.secondaryVersion().get(), secondary.get());
        }
        return new AliasRecord(rs.getString("name"), rs.getString("alias"), instant(rs, "update_at"), target,
                rs.getLong("revision"), facts);
    };

    static final RowMapper<AliasChange> HISTORY = (rs, ctx) -> new AliasChange(
            rs.getString("name"),
            rs.getString("alias"),
            rs.getLong("revision"),
            instant(rs, "changed_at"),
            target(rs, "prev_version", "prev_secondary_version", "prev_secondary_weight"),
            target(rs, "cur_version", "cur_secondary_version", "cur_secondary_weight"));

    private Rows() {
    }

    /** Binds every column of {@code versioned_versions} by its name in {@link #VERSION_COLUMNS}. */
    static <S extends SqlStatement<S>> S bindVersion(S statement, VersionRecord record) {
        return statement.bind("name", record.name())
                .bind("version", record.version().number())
                .bind("update_at", time(record.updateAt()))
                .bind("deleted", record.deleted())
                .bind("sha256", record.sha256())
                .bind("size_bytes", record.size())
                .bind("content_type", record.contentType())
                .bind("metadata_json", FlatJson.encodeStrings(record.metadata()))
                .bind("blob_key", record.blobKey())
                .bind("alias_pins_json", FlatJson.encodeLongs(record.aliasPins()))
                .bind("revision", record.revision());
    }

    /** Binds every column of {@code versioned_aliases} by its name in {@link #ALIAS_COLUMNS}. */
    static <S extends SqlStatement<S>> S bindAlias(S statement, AliasRecord record) {
        AliasTarget target = record.target();
        statement.bind("name", record.name())
                .bind("alias", record.alias())
                .bind("update_at", time(record.updateAt()))
                .bind("version", target.version().number())
                .bind("secondary_version", target.secondaryVersion().map(Version::number).orElse(null))
                .bind("secondary_weight", target.secondaryVersionWeight())
                .bind("revision", record.revision());
        bindFacts(statement, "primary", record.factsOf(target.version()));
        return bindFacts(statement, "secondary", target.secondaryVersion().flatMap(record::factsOf));
    }

    private static <S extends SqlStatement<S>> S bindFacts(S statement, String prefix, Optional<TargetFacts> facts) {
        return statement.bind(prefix + "_update_at", facts.map(known -> time(known.updateAt())).orElse(NULL_TIME))
                .bind(prefix + "_sha256", facts.map(TargetFacts::sha256).orElse(null))
                .bind(prefix + "_size_bytes", facts.map(TargetFacts::size).orElse(null))
                .bind(prefix + "_content_type", facts.map(TargetFacts::contentType).orElse(null))
                .bind(prefix + "_metadata_json", facts.map(known -> FlatJson.encodeStrings(known.metadata()))
                        .orElse(null))
                .bind(prefix + "_blob_key", facts.map(TargetFacts::blobKey).orElse(null));
    }

    /** The facts in the columns {@code {prefix}_*}, or empty when they are NULL. */
    private static Optional<TargetFacts> facts(ResultSet rs, String prefix) throws SQLException {
        String sha256 = rs.getString(prefix + "_sha256");
        if (sha256 == null) {
            return Optional.empty();
        }
        return Optional.of(new TargetFacts(instant(rs, prefix + "_update_at"), sha256,
                rs.getLong(prefix + "_size_bytes"), rs.getString(prefix + "_content_type"),
                FlatJson.decodeStrings(rs.getString(prefix + "_metadata_json")), rs.getString(prefix + "_blob_key")));
    }

    /** Binds every column of {@code versioned_alias_history} by its name in {@link #HISTORY_COLUMNS}. */
    static <S extends SqlStatement<S>> S bindHistory(S statement, AliasChange change) {
        S bound = statement.bind("name", change.name())
                .bind("alias", change.alias())
                .bind("revision", change.revision())
                .bind("changed_at", time(change.time()));
        bindTarget(bound, "prev", change.previous());
        return bindTarget(bound, "cur", change.current());
    }

    /** A NULL parameter for a TIMESTAMP WITH TIME ZONE column. */
    private static final Argument NULL_TIME = (position, statement, context) ->
            statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE);

    /** A parameter for a TIMESTAMP WITH TIME ZONE column: the instant in UTC, truncated to microseconds. */
    static Argument time(Instant instant) {
        OffsetDateTime utc = OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        return (position, statement, context) -> statement.setObject(position, utc);
    }

    private static <S extends SqlStatement<S>> S bindTarget(S statement, String prefix, Optional<AliasTarget> target) {
        return statement.bind(prefix + "_version", target.map(t -> t.version().number()).orElse(null))
                .bind(prefix + "_secondary_version",
                        target.flatMap(AliasTarget::secondaryVersion).map(Version::number).orElse(null))
                .bind(prefix + "_secondary_weight", target.map(AliasTarget::secondaryVersionWeight).orElse(null));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static Optional<AliasTarget> target(ResultSet rs, String version, String secondary, String weight)
            throws SQLException {
        Integer primary = rs.getObject(version, Integer.class);
        if (primary == null) {
            return Optional.empty();
        }
        Integer secondaryNumber = rs.getObject(secondary, Integer.class);
        Integer secondaryWeight = rs.getObject(weight, Integer.class);
        return Optional.of(new AliasTarget(new Version(primary),
                Optional.ofNullable(secondaryNumber).map(Version::new),
                secondaryWeight == null ? 0 : secondaryWeight));
    }
}
