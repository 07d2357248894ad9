package io.versioned.embedded;

import io.versioned.tck.RepositoryContract;
import io.versioned.tck.StorePorts;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole {@link RepositoryContract} on the embedded backend as {@link EmbeddedModule} makes it: an H2 file database
 * and a blob folder, in a fresh folder under the test's temporary directory per store. The integrity tests corrupt a
 * blob by overwriting its file under the blob folder in place.
 */
class EmbeddedRepositoryTest extends RepositoryContract {

    @RegisterExtension
    final TestStores stores = new TestStores();

    @TempDir
    Path temp;

    @Override
    protected StorePorts createPorts() {
        return stores.embedded(temp);
    }

    @Override
    protected void corruptBlob(StorePorts ports, String key, byte[] bytes) {
        stores.corrupt(ports, key, bytes);
    }
}
