package io.versioned.embedded;

import io.versioned.tck.FaultContract;
import io.versioned.tck.StorePorts;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole {@link FaultContract} on the embedded backend as {@link EmbeddedModule} makes it: an H2 file database and a
 * blob folder, in a fresh folder under the test's temporary directory per store. The suite uses one store at a time (a
 * fresh one per fault run, a few hundred per test), so each new store closes the ones before it: that keeps one
 * connection pool open at a time.
 */
class EmbeddedFaultTest extends FaultContract {

    @RegisterExtension
    final TestStores stores = new TestStores();

    @TempDir
    Path temp;

    @Override
    protected StorePorts createPorts() {
        stores.closeAll();
        return stores.embedded(temp);
    }
}
