package io.versioned.adapter.jdbc;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.versioned.core.port.MetadataPort;
import java.util.Objects;

/**
 * Binds {@link MetadataPort} to one {@link JdbcMetadataPort} with its own connection pool. The pool belongs to
 * the injector: close it with {@code injector.getInstance(JdbcMetadataPort.class).close()}.
 */
public final class JdbcModule extends AbstractModule {

    private final JdbcConfig config;

    /** @param config the database to use, e.g. {@link JdbcConfig#embeddedH2(java.nio.file.Path)} */
    public JdbcModule(JdbcConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    protected void configure() {
        bind(MetadataPort.class).to(JdbcMetadataPort.class);
    }

    @Provides
    @Singleton
    JdbcMetadataPort jdbcMetadataPort() {
        return JdbcMetadataPort.open(config);
    }
}
