package io.versioned.embedded;

import io.versioned.tck.FaultContract;
import io.versioned.tck.StorePorts;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole {@link FaultContract} on the shared-server variant as {@link PostgresModule} makes it: a fresh schema on a
 * real PostgreSQL server ({@link SharedPostgres}) and a fresh blob folder under the test's temporary directory per
 * store. The suite uses one store at a time (a fresh one per fault run, a few hundred per test), so each new store
 * closes the ones before it: that keeps one connection pool open at a time.
 */
class PostgresFaultTest extends FaultContract {

    @RegisterExtension
    final TestStores stores = new TestStores();

    @TempDir
    Path temp;

    @Override
    protected StorePorts createPorts() {
        stores.closeAll();
        return stores.postgres(temp);
    }
}
