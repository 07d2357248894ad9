package io.versioned.embedded;

import io.versioned.adapter.filesystem.FilesystemBlobPort;
import io.versioned.adapter.jdbc.JdbcConfig;
import io.versioned.adapter.jdbc.JdbcMetadataPort;
import io.versioned.core.port.MetadataPort;
import io.versioned.core.spi.RepositoryLocation;
import io.versioned.core.spi.RepositoryOptions;
import io.versioned.core.spi.RepositoryProvider;
import io.versioned.core.spi.RepositoryUris;
import io.versioned.core.spi.StorePorts;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The provider of the backends that need no cloud:
 *
 * <ul>
 *   <li>{@code embedded:DIR}: the H2 database and the blob folder under {@code DIR} (layout in
 *       {@link EmbeddedModule}); {@code ~/} at the start of {@code DIR} is the home folder</li>
 *   <li>{@code jdbc:postgresql://HOST[:PORT]/DB[?PARAMS]&blobs=DIR}: the records in PostgreSQL (the other
 *       parameters are the driver's, e.g. {@code user} and {@code password}), the bytes in the folder {@code DIR}
 *       (see {@link PostgresModule})</li>
 * </ul>
 *
 * <p>Options used: {@link RepositoryOptions#connectionTimeout()} for both; a {@link DataSource} component for
 * {@code jdbc:} (the records are then read and written through it, and its URL and credentials are the data
 * source's own: only {@code blobs} is taken from the URI).
 */
public final class EmbeddedProvider implements RepositoryProvider {

    @Override
    public Set<String> schemes() {
        return Set.of(Embedded.SCHEME, Postgres.SCHEME);
    }

    @Override
    public String forms() {
        return "embedded:DIR, jdbc:postgresql://HOST/DB?blobs=DIR";
    }

    @Override
    public RepositoryLocation parse(String uri) {
        int colon = uri.indexOf(':');
        return uri.substring(0, colon).equalsIgnoreCase(Embedded.SCHEME)
                ? Embedded.parse(uri.substring(colon + 1)) : Postgres.parse(uri);
    }

    /**
     * {@code embedded:DIR}.
     *
     * @param directory the repository folder, absolute and normalized
     */
    public record Embedded(Path directory) implements RepositoryLocation {

        static final String SCHEME = "embedded";

        /**
         * @throws IllegalArgumentException if {@code directory} is null
         */
        public Embedded {
            if (directory == null) {
                throw new IllegalArgumentException("directory: must not be null");
            }
            directory = directory.toAbsolutePath().normalize();
        }

        static Embedded parse(String location) {
            if (location.isBlank()) {
                throw RepositoryUris.invalid("embedded: needs a directory, e.g. embedded:./.versioned");
            }
            String expanded = location.startsWith("~/")
                    ? System.getProperty("user.home") + location.substring(1) : location;
            try {
                return new Embedded(Path.of(expanded));
            } catch (InvalidPathException e) {
                throw RepositoryUris.invalid("embedded: '" + location + "' is not a valid directory path");
            }
        }

        @Override
        public String scheme() {
            return SCHEME;
        }

        @Override
        public boolean bootstrapsImplicitly() {
            return true;
        }

        /** True if the folder holds the repository's H2 database. */
        @Override
        public boolean exists() {
            if (Files.exists(directory) && !Files.isDirectory(directory)) {
                throw new IllegalArgumentException("embedded: must name a folder, got the file " + directory);
            }
            return Files.isRegularFile(directory.resolve(JdbcConfig.EMBEDDED_DATABASE_NAME + ".mv.db"));
        }

        @Override
        public StorePorts open(RepositoryOptions options) {
            if (options == null) {
                throw new IllegalArgumentException("options: must not be null");
            }
            EmbeddedModule layout = options.connectionTimeout()
                    .map(timeout -> new EmbeddedModule(directory, timeout))
                    .orElseGet(() -> new EmbeddedModule(directory));
            return new StorePorts(new FilesystemBlobPort(layout.blobDirectory()),
                    JdbcMetadataPort.open(layout.database()));
        }

        @Override
        public String toString() {
            return SCHEME + ":" + directory;
        }
    }

    /**
     * {@code jdbc:postgresql://...?blobs=DIR}.
     *
     * @param jdbcUrl       the JDBC URL without the {@code blobs} parameter, e.g. {@code jdbc:postgresql://db/versioned}
     * @param blobDirectory the folder holding the bytes, absolute and normalized
     */
    public record Postgres(String jdbcUrl, Path blobDirectory) implements RepositoryLocation {

        static final String SCHEME = "jdbc";

        private static final Pattern POSTGRES = Pattern.compile("jdbc:postgresql://[^/?#]+/[^/?#]+(\\?.*)?");

        /**
         * @throws IllegalArgumentException if {@code jdbcUrl} is not a PostgreSQL URL with a host and a database, or
         *                                  {@code blobDirectory} is null
         */
        public Postgres {
            if (jdbcUrl == null || !POSTGRES.matcher(jdbcUrl).matches()) {
                throw RepositoryUris.invalid("jdbc: must look like jdbc:postgresql://HOST[:PORT]/DATABASE?blobs=DIR, got '"
                        + mask(String.valueOf(jdbcUrl)) + "'");
            }
            if (blobDirectory == null) {
                throw new IllegalArgumentException("blobDirectory: must not be null");
            }
            blobDirectory = blobDirectory.toAbsolutePath().normalize();
        }

        static Postgres parse(String text) {
            int question = text.indexOf('?');
            String base = question < 0 ? text : text.substring(0, question);
            String blobs = null;
            StringBuilder kept = new StringBuilder();
            if (question >= 0) {
                for (String pair : text.substring(question + 1).split("&")) {
                    if (pair.startsWith("blobs=")) {
                        blobs = RepositoryUris.decode(pair.substring("blobs=".length()));
                    } else if (!pair.isEmpty()) {
                        kept.append(kept.length() == 0 ? "?" : "&").append(pair);
                    }
                }
            }
            if (blobs == null || blobs.isBlank()) {
                throw RepositoryUris.invalid("jdbc: needs a blob folder, e.g. " + mask(base)
                        + "?blobs=/var/lib/versioned/blobs");
            }
            try {
                return new Postgres(base + kept, Path.of(blobs));
            } catch (InvalidPathException e) {
                throw RepositoryUris.invalid("jdbc: blobs='" + blobs + "' is not a valid directory path");
            }
        }

        @Override
        public String scheme() {
            return SCHEME;
        }

        @Override
        public boolean bootstrapsImplicitly() {
            return true;
        }

        @Override
        public StorePorts open(RepositoryOptions options) {
            if (options == null) {
                throw new IllegalArgumentException("options: must not be null");
            }
            MetadataPort metadata = options.component(DataSource.class).map(JdbcMetadataPort::new)
                    .orElseGet(() -> {
                        JdbcConfig.Builder server = JdbcConfig.builder().jdbcUrl(jdbcUrl);
                        options.connectionTimeout().ifPresent(server::connectionTimeout);
                        return JdbcMetadataPort.open(server.build());
                    });
            return new StorePorts(new FilesystemBlobPort(blobDirectory), metadata);
        }

        /** The URL with the password masked and the blob folder as a parameter. */
        @Override
        public String toString() {
            return mask(jdbcUrl) + (jdbcUrl.contains("?") ? "&" : "?") + "blobs=" + blobDirectory;
        }

        private static String mask(String url) {
            return url.replaceAll("(?i)(password=)[^&]*", "$1***");
        }
    }
}
