package io.versioned.embedded;

import io.versioned.tck.InputPropertyContract;
import io.versioned.tck.StorePorts;

/**
 * Random input at every API method, on the shared-server variant as {@link PostgresModule} makes it: a fresh schema
 * on a real PostgreSQL server ({@link SharedPostgres}) and a blob folder in the property's work folder.
 */
class PostgresInputPropertyTest extends InputPropertyContract {

    private final TestStores stores = new TestStores();

    @Override
    protected StorePorts createPorts() {
        return stores.postgres(workDirectory());
    }

    @Override
    protected void releasePorts() {
        stores.closeAll();
    }

    @Override
    protected int tries() {
        return 60;
    }
}
