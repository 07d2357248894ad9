package io.versioned.tck;

import io.versioned.core.port.BlobPort;
import io.versioned.core.port.BlobUpload;
import io.versioned.core.port.MetadataPort;
import io.versioned.core.port.PreconditionFailedException;
import io.versioned.core.port.VersionRecord;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Ports that pass every call through to other ports and record it as {@code Port.method}, so a suite can prove
 * that a call was refused before it reached storage, and the {@link BlobUpload} of every {@code BlobPort.put}.
 * Thread-safe.
 */
final class RecordingPorts {

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<BlobUpload> uploads = new CopyOnWriteArrayList<>();
    private final List<String> lostRaces = new CopyOnWriteArrayList<>();
    private final StorePorts ports;

    /** Wraps {@code delegate}; the recording starts empty. */
    RecordingPorts(StorePorts delegate) {
        this.ports = new StorePorts(recording(BlobPort.class, delegate.blobs()),
                recording(MetadataPort.class, delegate.metadata()));
    }

    /** The recording ports, to build a repository on. */
    StorePorts ports() {
        return ports;
    }

    /** The calls recorded since construction or the last {@link #clear()}, in order. */
    List<String> calls() {
        return List.copyOf(calls);
    }

    /** What the core told the blob store about the bytes of each {@code BlobPort.put} recorded, in order. */
    List<BlobUpload> uploads() {
        return List.copyOf(uploads);
    }

    /**
     * The calls that threw {@link PreconditionFailedException} (a compare-and-set or put-if-absent that lost), in
     * order, as {@code Port.method}, followed by the version of the record for the calls that take a
     * {@link VersionRecord} (e.g. {@code MetadataPort.updateVersion LATEST}).
     */
    List<String> lostRaces() {
        return List.copyOf(lostRaces);
    }

    /** Forgets the calls (and uploads, and lost races) recorded so far. */
    void clear() {
        calls.clear();
        uploads.clear();
        lostRaces.clear();
    }

    private <T> T recording(Class<T> port, T delegate) {
        Object proxy = Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(delegate, args);
            }
            calls.add(port.getSimpleName() + "." + method.getName());
            if (port == BlobPort.class && method.getName().equals("put") && args[2] instanceof BlobUpload upload) {
                uploads.add(upload);
            }
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof PreconditionFailedException) {
                    lostRaces.add(port.getSimpleName() + "." + method.getName()
                            + (args != null && args[0] instanceof VersionRecord record ? " " + record.version() : ""));
                }
                throw e.getCause();
            }
        });
        return port.cast(proxy);
    }
}
