package io.versioned.bench.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The baseline of the embedded backend: plain JDBC on one connection to an H2 database file opened as the embedded
 * backend opens its own ({@code jdbc:h2:file:...;LOCK_TIMEOUT=10000;WRITE_DELAY=0}, auto-commit), with one table of
 * its own, and the bytes in files written by {@link DurableFiles}. Resolve + read is one SELECT and a file read; put
 * is a file write and a MERGE; publish is a SELECT, a file copy and an INSERT; putAlias is an UPDATE; list is one
 * SELECT.
 */
final class EmbeddedBaseline implements Workload {

    private static final String SCHEMA = "CREATE TABLE entries ("
            + "name VARCHAR(128) NOT NULL, entry VARCHAR(70) NOT NULL, kind CHAR(1) NOT NULL, "
            + "version INTEGER NOT NULL, "
            + "sha256 VARCHAR(64), size_bytes BIGINT, update_at TIMESTAMP(6) WITH TIME ZONE NOT NULL, "
            + "PRIMARY KEY (name, entry))";
    private static final String VERSION = "v";
    private static final String ALIAS = "a";
    private static final String LATEST = "LATEST";

    /**
     * One version row of the table.
     *
     * @param version 0 for LATEST
     */
    record Row(String name, int version, String sha256, long size, OffsetDateTime updateAt) {
    }

    private final Path directory;
    private final Connection connection;
    private final Fixture.FreshContent fresh = new Fixture.FreshContent();
    private final PublishRotation rotation = new PublishRotation();
    private int aliasTarget = 1;

    /**
     * Creates the database and the artifacts of {@link Fixture} in {@code directory} (which must exist and be
     * empty); {@link #close()} deletes the directory.
     */
    EmbeddedBaseline(Path directory) throws SQLException, IOException {
        this.directory = directory;
        this.connection = DriverManager.getConnection("jdbc:h2:file:" + directory.resolve("raw")
                + ";LOCK_TIMEOUT=10000;WRITE_DELAY=0", "sa", "");
        try (Statement statement = connection.createStatement()) {
            statement.execute(SCHEMA);
        }
        versionWithAlias(Fixture.SMALL, Fixture.content(Fixture.SMALL_SIZE));
        versionWithAlias(Fixture.LARGE, Fixture.content(Fixture.LARGE_SIZE));
        for (int i = 1; i <= Fixture.LISTED_VERSIONS; i++) {
            storeVersion(Fixture.LIST, i, fresh.next());
        }
        writeLatest(Fixture.LIST, fresh.next());
        writeLatest(Fixture.PUT, fresh.next());
        storeVersion(Fixture.SWITCH, 1, fresh.next());
        storeVersion(Fixture.SWITCH, 2, fresh.next());
        insertAlias(Fixture.SWITCH, 1);
    }

    private void versionWithAlias(String name, byte[] content) throws SQLException, IOException {
        storeVersion(name, 1, content);
        insertAlias(name, 1);
    }

    private void storeVersion(String name, int version, byte[] content) throws SQLException, IOException {
        DurableFiles.write(file(name, version), content);
        insertVersion(name, version, Sha256.hex(content), content.length);
    }

    private void insertVersion(String name, int version, String sha256, long size) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO entries "
                + "(name, entry, kind, version, sha256, size_bytes, update_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, padded(version));
            insert.setString(3, VERSION);
            insert.setInt(4, version);
            insert.setString(5, sha256);
            insert.setLong(6, size);
            insert.setObject(7, now());
            insert.executeUpdate();
        }
    }

    private void insertAlias(String name, int version) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO entries "
                + "(name, entry, kind, version, update_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, Fixture.ALIAS);
            insert.setString(3, ALIAS);
            insert.setInt(4, version);
            insert.setObject(5, now());
            insert.executeUpdate();
        }
    }

    @Override
    public byte[] resolveAndRead(String artifact) throws SQLException, IOException {
        int version;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT version FROM entries WHERE name = ? AND entry = ? AND kind = ?")) {
            select.setString(1, artifact);
            select.setString(2, Fixture.ALIAS);
            select.setString(3, ALIAS);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                version = row.getInt(1);
            }
        }
        return Files.readAllBytes(file(artifact, version));
    }

    @Override
    public Object put() throws SQLException, IOException {
        return writeLatest(Fixture.PUT, fresh.next());
    }

    private String writeLatest(String name, byte[] content) throws SQLException, IOException {
        String sha256 = Sha256.hex(content);
        DurableFiles.write(file(name, 0), content);
        try (PreparedStatement merge = connection.prepareStatement("MERGE INTO entries "
                + "(name, entry, kind, version, sha256, size_bytes, update_at) KEY (name, entry) "
                + "VALUES (?, ?, ?, 0, ?, ?, ?)")) {
            merge.setString(1, name);
            merge.setString(2, LATEST);
            merge.setString(3, VERSION);
            merge.setString(4, sha256);
            merge.setLong(5, content.length);
            merge.setObject(6, now());
            merge.executeUpdate();
        }
        return sha256;
    }

    @Override
    public void prepareLatest() throws SQLException, IOException {
        Optional<String> finished = rotation.advance();
        if (finished.isPresent()) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM entries WHERE name = ?")) {
                delete.setString(1, finished.get());
                delete.executeUpdate();
            }
            Folders.delete(directory.resolve(finished.get()));
        }
        writeLatest(rotation.artifact(), fresh.next());
    }

    @Override
    public Object publish() throws SQLException, IOException {
        String name = rotation.artifact();
        String sha256;
        long size;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT sha256, size_bytes FROM entries WHERE name = ? AND entry = ?")) {
            select.setString(1, name);
            select.setString(2, LATEST);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                sha256 = row.getString(1);
                size = row.getLong(2);
            }
        }
        DurableFiles.copy(file(name, 0), file(name, rotation.number()));
        insertVersion(name, rotation.number(), sha256, size);
        return sha256;
    }

    @Override
    public Object switchAlias() throws SQLException {
        aliasTarget = aliasTarget == 1 ? 2 : 1;
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE entries SET version = ?, update_at = ? WHERE name = ? AND entry = ? AND kind = ?")) {
            update.setInt(1, aliasTarget);
            update.setObject(2, now());
            update.setString(3, Fixture.SWITCH);
            update.setString(4, Fixture.ALIAS);
            update.setString(5, ALIAS);
            return update.executeUpdate();
        }
    }

    @Override
    public List<Row> listVersions() throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT version, sha256, size_bytes, update_at "
                + "FROM entries WHERE name = ? AND kind = ? ORDER BY version")) {
            select.setString(1, Fixture.LIST);
            select.setString(2, VERSION);
            List<Row> rows = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new Row(Fixture.LIST, row.getInt(1), row.getString(2), row.getLong(3),
                            row.getObject(4, OffsetDateTime.class)));
                }
            }
            return rows;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IOException("closing the H2 connection failed", e);
        } finally {
            Folders.delete(directory);
        }
    }

    private Path file(String name, int version) {
        return directory.resolve(name).resolve(padded(version));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String padded(int version) {
        return version == 0 ? LATEST : String.format(Locale.ROOT, "%06d", version);
    }
}
