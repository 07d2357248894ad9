package io.versioned.adapter.filesystem;

import com.google.inject.AbstractModule;
import io.versioned.core.port.BlobPort;
import java.nio.file.Path;
import java.util.Objects;

/** Binds {@link BlobPort} to a {@link FilesystemBlobPort} on a root directory. */
public final class FilesystemModule extends AbstractModule {

    private final Path root;

    /** @param root the directory holding the blobs */
    public FilesystemModule(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    @Override
    protected void configure() {
        bind(BlobPort.class).toInstance(new FilesystemBlobPort(root));
    }
}
