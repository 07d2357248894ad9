package io.versioned.embedded;

import io.versioned.tck.SoakContract;
import io.versioned.tck.StorePorts;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link SoakContract} on the embedded backend as {@link EmbeddedModule} makes it: an H2 file database and a blob
 * folder in a fresh folder under the test's temporary directory.
 */
class EmbeddedSoakTest extends SoakContract {

    @RegisterExtension
    final TestStores stores = new TestStores();

    @TempDir
    Path temp;

    @Override
    protected StorePorts createPorts() {
        return stores.embedded(temp);
    }
}
