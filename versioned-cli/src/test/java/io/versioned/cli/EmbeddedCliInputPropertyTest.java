package io.versioned.cli;

import io.versioned.core.Versioned;
import io.versioned.core.spi.RepositoryOptions;
import io.versioned.core.spi.StorePorts;
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

    private final CliHarness cli = new CliHarness(new ProviderRepositoryFactory(Map.of()));
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
        StorePorts ports = Versioned.location("embedded:" + directory).open(RepositoryOptions.defaults());
        try {
            return RepositoryListing.of(ports.blobs(), ports.metadata(), names, aliases);
        } finally {
            ports.close();
        }
    }
}
