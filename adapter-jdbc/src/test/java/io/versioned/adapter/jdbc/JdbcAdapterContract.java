package io.versioned.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.versioned.api.AliasChange;
import io.versioned.api.AliasTarget;
import io.versioned.api.BackendException;
import io.versioned.api.Version;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.BlobKeys;
import io.versioned.core.port.MetadataPort;
import io.versioned.core.port.VersionRecord;
import io.versioned.tck.AdapterContract;
import io.versioned.tck.AdapterFactory;
import io.versioned.tck.Capability;
import io.versioned.tck.KitPart;
import io.versioned.tck.StoreGate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The kit's metadata port contract through the single entry point, plus the JDBC adapter's own guarantees (schema
 * migration, exact times, error mapping), for one database engine. Each store is a fresh, empty database from
 * {@link #newDatabase()}; the port under test runs on a pool of the test's own whose statements pass the
 * {@link StoreGate}; another client is a port with its own pool on the same database; breaking the store drops the
 * tables. The repository-level suites run on JDBC stores in {@code versioned-embedded}, so this takes part in
 * {@link KitPart#METADATA_PORT} only.
 */
abstract class JdbcAdapterContract extends AdapterContract {

    private static final List<String> TABLES = List.of("versioned_versions", "versioned_aliases",
            "versioned_alias_history", "versioned_counters", "versioned_artifact_names");

    private final List<JdbcMetadataPort> opened = new ArrayList<>();
    private final List<HikariDataSource> pools = new ArrayList<>();
    private AdapterFactory factory;
    private MetadataPort metadata;

    /** A fresh, empty database, isolated from every one returned before. */
    protected abstract JdbcConfig newDatabase();

    /** Called after each test, once every port is closed, to release the databases it used. */
    protected void releaseDatabases() {
    }

    @Override
    protected final AdapterFactory createFactory() {
        factory = new AdapterFactory() {
            private JdbcConfig current;

            @Override
            public Set<KitPart> parts() {
                return Set.of(KitPart.METADATA_PORT);
            }

            @Override
            public Set<Capability> capabilities() {
                return Set.of(Capability.STORE_FAILURE, Capability.STORE_GATE);
            }

            @Override
            public MetadataPort createMetadataPort(StoreGate gate) {
                current = newDatabase();
                HikariDataSource pool = ConnectionPools.create(current);
                pools.add(pool);
                return new JdbcMetadataPort(GatedDataSource.of(pool, gate::beforeRequest));
            }

            /** A port with its own pool on the same database. */
            @Override
            public MetadataPort openAnotherMetadataPort() {
                return open(current);
            }

            /** Drops the tables under the port, as a database that lost them would be. */
            @Override
            public void breakStore() {
                try {
                    for (String table : TABLES) {
                        execute(current, "DROP TABLE " + table);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("could not drop the tables", e);
                }
            }
        };
        return factory;
    }

    /** A fresh, bootstrapped port of this test's factory, for the JDBC specifics. */
    private MetadataPort metadata() {
        if (metadata == null) {
            if (factory == null) {
                createFactory();
            }
            metadata = factory.createMetadataPort(new StoreGate());
            metadata.bootstrap();
        }
        return metadata;
    }

    @AfterEach
    final void closePorts() {
        opened.forEach(JdbcMetadataPort::close);
        opened.clear();
        pools.forEach(HikariDataSource::close);
        pools.clear();
        releaseDatabases();
    }

    /** A port with its own pool on {@code config}, closed after the test. */
    protected final JdbcMetadataPort open(JdbcConfig config) {
        JdbcMetadataPort port = JdbcMetadataPort.open(config);
        opened.add(port);
        return port;
    }

    // ---- schema migration

    @Test
    void bootstrapOnAMigratedDatabaseChangesNothing() throws SQLException {
        JdbcConfig config = newDatabase();
        JdbcMetadataPort first = open(config);
        first.bootstrap();
        VersionRecord record = record("doc", Version.of(1), Instant.parse("2024-05-06T07:08:09.123456Z"));
        first.createVersion(record);

        JdbcMetadataPort second = open(config);
        second.bootstrap();
        second.bootstrap();

        assertThat(second.getVersion("doc", Version.of(1))).contains(record);
        assertThat(appliedSchemaVersions(config)).containsExactly(1, 2);
    }

    @Test
    void portsBootstrappingOneFreshDatabaseAtOnceAllSucceed() throws Exception {
        JdbcConfig config = newDatabase();
        int racers = 4;
        List<JdbcMetadataPort> ports = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            ports.add(open(config));
        }
        CyclicBarrier start = new CyclicBarrier(racers);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (JdbcMetadataPort port : ports) {
                results.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    port.bootstrap();
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(appliedSchemaVersions(config)).containsExactly(1, 2);
        ports.get(0).registerArtifactName("doc");
        assertThat(ports.get(racers - 1).listArtifactNames()).containsExactly("doc");
    }

    @Test
    void aSchemaNewerThanTheLibraryIsRefused() throws SQLException {
        JdbcConfig config = newDatabase();
        open(config).bootstrap();
        execute(config, "INSERT INTO versioned_schema_version (version, applied_at) VALUES (99, CURRENT_TIMESTAMP)");

        assertThatThrownBy(() -> open(config).bootstrap())
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("version 99")
                .satisfies(e -> assertThat(((BackendException) e).isRetryable()).isFalse());
    }

    // ---- times

    @Test
    void instantsRoundTripExactlyWhateverTheTimeZoneOfTheJvm() {
        List<Instant> instants = List.of(
                Instant.parse("1970-01-01T00:00:00Z"),
                Instant.parse("2024-03-31T01:30:00.000001Z"),
                Instant.parse("2024-10-27T00:59:59.999999Z"),
                Instant.parse("2038-01-19T03:14:08.5Z"),
                Instant.parse("1901-12-13T20:45:51.654321Z"));
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
            JdbcMetadataPort port = open(newDatabase());
            port.bootstrap();
            for (int i = 0; i < instants.size(); i++) {
                Instant instant = instants.get(i);
                VersionRecord version = record("doc", Version.of(i + 1), instant);
                AliasRecord alias = new AliasRecord("doc", "a" + i, instant, AliasTarget.of(Version.LATEST), 1);
                AliasChange change = new AliasChange("doc", "a", i + 1L, instant, Optional.empty(),
                        Optional.of(AliasTarget.of(Version.LATEST)));
                port.createVersion(version);
                port.createAlias(alias);
                port.appendAliasHistory(change);

                assertThat(port.getVersion("doc", Version.of(i + 1)).orElseThrow().updateAt()).isEqualTo(instant);
                assertThat(port.getAlias("doc", "a" + i).orElseThrow().updateAt()).isEqualTo(instant);
                assertThat(port.aliasHistory("doc", "a", 1).get(0).time()).isEqualTo(instant);
            }
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void instantsAreTruncatedToMicroseconds() {
        metadata().createVersion(record("doc", Version.of(1), Instant.parse("2024-01-01T00:00:00.123456789Z")));

        assertThat(metadata().getVersion("doc", Version.of(1)).orElseThrow().updateAt())
                .isEqualTo(Instant.parse("2024-01-01T00:00:00.123456Z"));
    }

    // ---- errors

    @Test
    void aClosedPortFailsWithABackendException() {
        JdbcMetadataPort port = open(newDatabase());
        port.bootstrap();
        port.close();

        assertThatThrownBy(() -> port.getVersion("doc", Version.LATEST)).isInstanceOf(BackendException.class)
                .hasMessageContaining("reading version LATEST of doc");
        assertThatThrownBy(() -> port.createVersion(record("doc", Version.of(1), Instant.EPOCH)))
                .isInstanceOf(BackendException.class);
    }

    @Test
    void aValueTooLongForItsColumnIsANonRetryableBackendException() {
        VersionRecord tooLong = new VersionRecord("doc", Version.of(1), Instant.EPOCH, false, "f".repeat(65), 1,
                "text/plain", Map.of(), BlobKeys.of("doc", Version.of(1)), Map.of(), 1);

        assertThatThrownBy(() -> metadata().createVersion(tooLong))
                .isInstanceOf(BackendException.class)
                .satisfies(e -> assertThat(((BackendException) e).isRetryable()).isFalse());
        assertThat(metadata().listVersions("doc")).isEmpty();
    }

    @Test
    void aNegativeHistoryLimitIsRefused() {
        assertThatThrownBy(() -> metadata().aliasHistory("doc", "production", -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }

    @Test
    void aDatabaseAtSchemaVersion1IsMigratedAndItsAliasRowsReadWithoutTargetFacts() throws Exception {
        JdbcConfig config = newDatabase();
        String v1;
        try (var in = SchemaMigrator.class.getResourceAsStream("/db/migration/V1__init.sql")) {
            v1 = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        for (String statement : v1.lines().filter(line -> !line.strip().startsWith("--"))
                .collect(java.util.stream.Collectors.joining("\n")).split(";")) {
            if (!statement.isBlank()) {
                execute(config, statement);
            }
        }
        execute(config, "CREATE TABLE versioned_schema_version (version INTEGER NOT NULL PRIMARY KEY, "
                + "applied_at TIMESTAMP(6) WITH TIME ZONE NOT NULL)");
        execute(config, "INSERT INTO versioned_schema_version (version, applied_at) VALUES (1, CURRENT_TIMESTAMP)");
        execute(config, "INSERT INTO versioned_aliases (name, alias, update_at, version, secondary_version, "
                + "secondary_weight, revision) VALUES ('doc', 'live', TIMESTAMP WITH TIME ZONE "
                + "'2024-05-06 07:08:09.123456+00:00', 1, NULL, 0, 3)");

        JdbcMetadataPort port = open(config);
        port.bootstrap();

        assertThat(appliedSchemaVersions(config)).containsExactly(1, 2);
        assertThat(port.getAlias("doc", "live")).contains(new AliasRecord("doc", "live",
                Instant.parse("2024-05-06T07:08:09.123456Z"), AliasTarget.of(Version.of(1)), 3));
    }

    // ---- helpers

    private static VersionRecord record(String name, Version version, Instant updateAt) {
        return new VersionRecord(name, version, updateAt, false, "a".repeat(64), 3, "text/plain",
                Map.of("k", "v"), BlobKeys.of(name, version), Map.of(), 1);
    }

    private static List<Integer> appliedSchemaVersions(JdbcConfig config) throws SQLException {
        try (Connection connection = connect(config); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM versioned_schema_version ORDER BY version")) {
            List<Integer> versions = new ArrayList<>();
            while (rows.next()) {
                versions.add(rows.getInt(1));
            }
            return versions;
        }
    }

    private static void execute(JdbcConfig config, String sql) throws SQLException {
        try (Connection connection = connect(config); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect(JdbcConfig config) throws SQLException {
        return DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
    }
}
