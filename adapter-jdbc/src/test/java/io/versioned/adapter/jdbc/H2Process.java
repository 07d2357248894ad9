package io.versioned.adapter.jdbc;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Another process on an embedded H2 folder, for tests of what processes sharing a file do to each other; run by
 * {@link ChildJvm}. {@code serve DIR} opens a port on the folder first (so this process serves the file), prints
 * {@code serving}, and on a line of input prints {@code closing}, closes the port and prints {@code closed}.
 * {@code connect DIR} opens one connection (served by the test's process), prints {@code connected} and closes it
 * when its input ends. {@code lock DIR} holds the lock of the schema migration ({@link FileMigrationLock}), as a
 * process migrating the database does, prints {@code locked} and releases it on a line of input.
 */
final class H2Process {

    private H2Process() {
    }

    public static void main(String[] args) throws Exception {
        JdbcConfig config = JdbcConfig.embeddedH2(Path.of(args[1]));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (args[0].equals("serve")) {
            JdbcMetadataPort port = JdbcMetadataPort.open(config);
            port.bootstrap();
            System.out.println("serving");
            in.readLine();
            System.out.println("closing");
            port.close();
            System.out.println("closed");
        } else if (args[0].equals("lock")) {
            try (FileMigrationLock lock = FileMigrationLock.acquire(config.jdbcUrl())) {
                System.out.println("locked");
                in.readLine();
            }
        } else {
            try (Connection connection = DriverManager.getConnection(config.jdbcUrl(), config.user(),
                    config.password())) {
                connection.createStatement().execute("SELECT 1");
                System.out.println("connected");
                while (in.readLine() != null) {
                    connection.createStatement().execute("SELECT 1");
                }
            }
        }
    }
}
