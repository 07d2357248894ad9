package io.versioned.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.versioned.api.AliasNotFoundException;
import io.versioned.api.ArtifactNotFoundException;
import io.versioned.api.BackendException;
import io.versioned.api.ConflictException;
import io.versioned.api.IntegrityException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The meters of one repository: the {@value #OPERATIONS} timer, tagged {@code operation}, {@code backend} and
 * {@code outcome}, and the {@value #BYTES} counter, tagged {@code backend} and {@code direction} ({@code upload}
 * or {@code download}). Thread-safe; meters are registered on first use.
 */
final class RepositoryMeters {

    /** The timer of every operation. */
    static final String OPERATIONS = "versioned.operations";
    /** The counter of the bytes handed to puts and read back. */
    static final String BYTES = "versioned.bytes";

    private final MeterRegistry registry;
    private final String backend;
    private final Counter uploaded;
    private final Counter downloaded;

    RepositoryMeters(MeterRegistry registry, String backend) {
        if (registry == null) {
            throw new IllegalArgumentException("registry: must not be null");
        }
        if (backend == null || backend.isBlank()) {
            throw new IllegalArgumentException("backend: must not be blank, e.g. the URI scheme 'memory'");
        }
        this.registry = registry;
        this.backend = backend;
        this.uploaded = bytes("upload");
        this.downloaded = bytes("download");
    }

    /** Runs {@code call}, recording its duration under {@code operation} with the outcome it had. */
    <T> T time(String operation, Supplier<T> call) {
        long start = registry.config().clock().monotonicTime();
        String outcome = "success";
        try {
            return call.get();
        } catch (RuntimeException e) {
            outcome = outcome(e);
            throw e;
        } finally {
            Timer.builder(OPERATIONS)
                    .description("operations on a versioned repository")
                    .tag("operation", operation)
                    .tag("backend", backend)
                    .tag("outcome", outcome)
                    .register(registry)
                    .record(registry.config().clock().monotonicTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /** Like {@link #time(String, Supplier)} for an operation without a result. */
    void run(String operation, Runnable call) {
        time(operation, () -> {
            call.run();
            return null;
        });
    }

    void uploaded(long bytes) {
        uploaded.increment(bytes);
    }

    void downloaded(long bytes) {
        downloaded.increment(bytes);
    }

    /** {@code in}, counting every byte read from it into {@code counter}. */
    InputStream counting(InputStream in, boolean upload) {
        Counter counter = upload ? uploaded : downloaded;
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int read = super.read();
                if (read >= 0) {
                    counter.increment();
                }
                return read;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                if (read > 0) {
                    counter.increment(read);
                }
                return read;
            }
        };
    }

    /**
     * The {@code outcome} tag of a failure: {@code not_found}, {@code conflict}, {@code bad_input},
     * {@code store_failure}, {@code integrity_failure}, or {@code error} for anything else.
     */
    static String outcome(RuntimeException failure) {
        if (failure instanceof ArtifactNotFoundException || failure instanceof AliasNotFoundException) {
            return "not_found";
        }
        if (failure instanceof ConflictException) {
            return "conflict";
        }
        if (failure instanceof IllegalArgumentException) {
            return "bad_input";
        }
        if (failure instanceof BackendException) {
            return "store_failure";
        }
        if (failure instanceof IntegrityException) {
            return "integrity_failure";
        }
        return "error";
    }

    private Counter bytes(String direction) {
        return Counter.builder(BYTES)
                .description("bytes handed to puts (upload) and read from the repository (download)")
                .baseUnit("bytes")
                .tag("backend", backend)
                .tag("direction", direction)
                .register(registry);
    }
}
