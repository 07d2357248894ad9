package io.versioned.embedded;

import io.versioned.tck.SoakContract;
import io.versioned.tck.StorePorts;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link SoakContract} on the shared-server variant as {@link PostgresModule} makes it: a fresh schema on a real
 * PostgreSQL server ({@link SharedPostgres}) and a fresh blob folder under the test's temporary directory.
 */
class PostgresSoakTest extends SoakContract {

    @RegisterExtension
    final TestStores stores = new TestStores();

    @TempDir
    Path temp;

    @Override
    protected StorePorts createPorts() {
        return stores.postgres(temp);
    }
}
