package io.versioned.embedded;

import io.versioned.tck.InputPropertyContract;
import io.versioned.tck.StorePorts;

/**
 * Random input at every API method, on the embedded backend as {@link EmbeddedModule} makes it: an H2 file database
 * and a blob folder in the property's work folder.
 */
class EmbeddedInputPropertyTest extends InputPropertyContract {

    private final TestStores stores = new TestStores();

    @Override
    protected StorePorts createPorts() {
        return stores.embedded(workDirectory());
    }

    @Override
    protected void releasePorts() {
        stores.closeAll();
    }

    @Override
    protected int tries() {
        return 100;
    }
}
