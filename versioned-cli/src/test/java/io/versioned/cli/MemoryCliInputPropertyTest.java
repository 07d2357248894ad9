package io.versioned.cli;

import java.nio.file.Path;
import java.util.Collection;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** {@link CliInputProperties} on one {@code memory:} repository shared by the invocations: many tries. */
class MemoryCliInputPropertyTest extends CliInputProperties {

    private SharedMemoryFactory memory;
    private CliHarness cli;

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void everyCommandSucceedsOrFailsWithItsDocumentedExitCodeAndChangesNothingWhenItFails(
            @ForAll("commands") CliCall call, @ForAll boolean json) throws Exception {
        check(call, json);
    }

    @Override
    void open(Path work) {
        memory = new SharedMemoryFactory();
        cli = new CliHarness(memory);
    }

    @Override
    void close() {
        memory.repository().close();
    }

    @Override
    CliHarness cli() {
        return cli;
    }

    @Override
    String repository() {
        return "memory:";
    }

    @Override
    RepositoryListing listing(Collection<String> names, Collection<String> aliases) {
        return RepositoryListing.of(memory.blobs(), memory.metadata(), names, aliases);
    }
}
