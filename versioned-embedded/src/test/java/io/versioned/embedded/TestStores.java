package io.versioned.embedded;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import io.versioned.adapter.jdbc.JdbcMetadataPort;
import io.versioned.core.port.BlobPort;
import io.versioned.core.port.MetadataPort;
import io.versioned.tck.StorePorts;
import io.versioned.testsupport.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fresh stores for the contract suites, made by the product's modules ({@link EmbeddedModule} or
 * {@link PostgresModule}) the way applications get them, each in a new folder under the test's temporary directory
 * (and, for PostgreSQL, a new schema of {@link PostgresServer#shared()}). Registered as an extension, it closes every
 * connection pool it opened (and drops the schemas) after each test.
 */
final class TestStores implements AfterEachCallback {

    private final AtomicInteger folders = new AtomicInteger();
    private final List<Opened> opened = new ArrayList<>();
    private final Map<StorePorts, Path> blobRoots = new IdentityHashMap<>();

    /** Fresh embedded stores: an H2 database and a blob folder in a new folder under {@code temp}. */
    StorePorts embedded(Path temp) {
        return embeddedIn(temp.resolve("embedded-" + folders.incrementAndGet()));
    }

    /** Embedded stores in {@code directory}: new ones, or another client on the stores already there. */
    StorePorts embeddedIn(Path directory) {
        EmbeddedModule module = new EmbeddedModule(directory);
        return open(module, module.blobDirectory(), Optional.empty());
    }

    /**
     * Fresh shared-server stores: a new schema on the shared PostgreSQL server and a new blob folder under
     * {@code temp}.
     */
    StorePorts postgres(Path temp) {
        PostgresServer.Schema schema = PostgresServer.shared().freshSchema();
        PostgresModule module = new PostgresModule(PostgresSchemaConfig.of(schema),
                temp.resolve("blobs-" + folders.incrementAndGet()));
        return open(module, module.blobDirectory(), Optional.of(schema));
    }

    /**
     * Replaces the bytes of blob {@code key} of {@code ports} behind the repository's back, in the blob's file under
     * the blob folder: the file is overwritten in place (same file, so every hard link to it shows the new bytes),
     * made writable for the write if it is read-only and given back its permissions afterwards.
     */
    void corrupt(StorePorts ports, String key, byte[] bytes) {
        Path root = blobRoots.get(ports);
        if (root == null) {
            throw new IllegalStateException("these ports were not opened by this TestStores");
        }
        Path file = root;
        for (String segment : key.split("/")) {
            file = file.resolve(segment);
        }
        try {
            overwriteInPlace(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("overwriting " + file + " failed", e);
        }
    }

    /** Closes every pool opened so far and drops their schemas. */
    void closeAll() {
        try {
            for (Opened store : opened) {
                store.pool().close();
                store.schema().ifPresent(schema -> PostgresServer.shared().drop(schema));
            }
        } finally {
            opened.clear();
            blobRoots.clear();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        closeAll();
    }

    private StorePorts open(Module module, Path blobRoot, Optional<PostgresServer.Schema> schema) {
        Injector injector = Guice.createInjector(module);
        StorePorts ports = new StorePorts(injector.getInstance(BlobPort.class),
                injector.getInstance(MetadataPort.class));
        opened.add(new Opened(injector.getInstance(JdbcMetadataPort.class), schema));
        blobRoots.put(ports, blobRoot);
        return ports;
    }

    private static void overwriteInPlace(Path file, byte[] bytes) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalStateException("no blob file at " + file);
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix == null) {
            if (!file.toFile().setWritable(true)) {
                throw new IOException("cannot make " + file + " writable");
            }
            Files.write(file, bytes, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            return;
        }
        Set<PosixFilePermission> original = posix.readAttributes().permissions();
        Set<PosixFilePermission> writable = EnumSet.of(PosixFilePermission.OWNER_WRITE);
        writable.addAll(original);
        posix.setPermissions(writable);
        try {
            Files.write(file, bytes, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } finally {
            posix.setPermissions(original);
        }
    }

    /** A pool to close after the test, and the schema to drop then. */
    private record Opened(JdbcMetadataPort pool, Optional<PostgresServer.Schema> schema) {
    }
}
