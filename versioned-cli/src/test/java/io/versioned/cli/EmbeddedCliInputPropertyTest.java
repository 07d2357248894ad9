package io.versioned.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.versioned.core.port.BlobPort;
import io.versioned.core.port.MetadataPort;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link CliInputProperties} on the embedded default ({@code embedded:DIR}: an H2 file and a blob folder), each
 * invocation opening the repository afresh as the real command does: fewer tries, since each opens the database.
 */
class EmbeddedCliInputPropertyTest extends CliInputProperties {

    private final CliHarness cli = new CliHarness(new GuiceRepositoryFactory(Map.of()));
    private Path directory;

    @Property(tries = 40, edgeCases = EdgeCasesMode.NONE)
    void everyCommandSucceedsOrFailsWithItsDocumentedExitCodeAndChangesNothingWhenItFails(
            @ForAll("commands") CliCall call, @ForAll boolean json) throws Exception {
        check(call, json);
    }

    @Override
    void open(Path work) {
        directory = work.resolve("repository");
    }

    @Override
    CliHarness cli() {
        return cli;
    }

    @Override
    String repository() {
        return "embedded:" + directory;
    }

    /** Lists the repository through ports opened for the listing alone, as the commands open theirs. */
    @Override
    RepositoryListing listing(Collection<String> names, Collection<String> aliases) {
        Injector injector = Guice.createInjector(BackendModules.forUri(new RepositoryUri.Embedded(directory)));
        BlobPort blobs = injector.getInstance(BlobPort.class);
        MetadataPort metadata = injector.getInstance(MetadataPort.class);
        try {
            return RepositoryListing.of(blobs, metadata, names, aliases);
        } finally {
            try {
                metadata.close();
            } finally {
                blobs.close();
            }
        }
    }
}
