package io.versioned.cli;

import com.google.inject.ConfigurationException;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import io.versioned.api.BackendException;
import io.versioned.api.Repository;
import io.versioned.api.VersionedException;
import io.versioned.core.Maintenance;
import io.versioned.core.port.BlobPort;
import io.versioned.core.port.MetadataPort;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Opens a repository by building a Guice injector from {@link BackendModules#forUri(RepositoryUri)}. Each call
 * builds a new injector, so each {@code memory:} repository starts empty. On close, the ports that hold
 * resources ({@link AutoCloseable} ones: connection pools, SDK clients) are closed.
 */
public final class GuiceRepositoryFactory implements RepositoryFactory {

    private final Map<String, String> environment;

    /** @param environment the environment variables, for the AWS region (see {@link BackendModules}) */
    public GuiceRepositoryFactory(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Backend open(RepositoryUri uri) {
        try {
            Injector injector = Guice.createInjector(BackendModules.forUri(uri, environment));
            Repository repository = injector.getInstance(Repository.class);
            Backend backend = new Backend(uri, repository, injector.getInstance(Maintenance.class),
                    closer(injector.getInstance(BlobPort.class), injector.getInstance(MetadataPort.class)));
            if (uri.bootstrapsImplicitly()) {
                bootstrap(backend);
            }
            return backend;
        } catch (CreationException | ProvisionException | ConfigurationException e) {
            throw unwrap(uri, e);
        }
    }

    private static void bootstrap(Backend backend) {
        try {
            backend.repository().bootstrap();
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    private static AutoCloseable closer(Object... ports) {
        List<AutoCloseable> closeables = new ArrayList<>();
        for (Object port : ports) {
            if (port instanceof AutoCloseable closeable && !closeables.contains(closeable)) {
                closeables.add(closeable);
            }
        }
        return () -> {
            Exception first = null;
            for (AutoCloseable closeable : closeables) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        };
    }

    /** The adapter's own error when Guice wrapped one, otherwise a {@link BackendException} naming the URI. */
    private static RuntimeException unwrap(RepositoryUri uri, RuntimeException wrapped) {
        List<Throwable> roots = new ArrayList<>();
        roots.add(wrapped.getCause());
        Collection<Message> messages = wrapped instanceof CreationException creation ? creation.getErrorMessages()
                : wrapped instanceof ProvisionException provision ? provision.getErrorMessages()
                : ((ConfigurationException) wrapped).getErrorMessages();
        messages.forEach(message -> roots.add(message.getCause()));
        for (Throwable root : roots) {
            for (Throwable cause = root; cause != null; cause = cause.getCause()) {
                if (cause instanceof IllegalArgumentException || cause instanceof VersionedException) {
                    return (RuntimeException) cause;
                }
            }
        }
        return new BackendException("could not open the repository " + uri + ": " + wrapped.getMessage(), wrapped,
                false);
    }
}
