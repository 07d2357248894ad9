package io.versioned.bench.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.api.Version;
import io.versioned.bench.BenchServers;
import io.versioned.bench.BenchSettings;
import io.versioned.bench.backend.BackendKind;
import io.versioned.bench.backend.BenchBackend;
import io.versioned.core.port.VersionRecord;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zero-loss check finds what it promises to find, on the in-memory backend with a few real cycles. */
class LossCheckTest {

    private static final int CYCLES = 6;

    @TempDir
    Path scratch;

    private BenchBackend backend;
    private Ledger ledger;

    @BeforeEach
    void runSomeCycles() {
        backend = BenchBackend.open(BackendKind.IN_MEMORY, new BenchSettings(true, scratch, new BenchServers()),
                "test");
        ledger = new Ledger();
        CycleWorker worker = new CycleWorker(0, backend.repository(), Workload.OWN_ARTIFACTS, CYCLES,
                new AtomicLong(), ledger, new Retrier());
        for (int i = 0; i < CYCLES; i++) {
            worker.cycle();
        }
    }

    @AfterEach
    void close() {
        backend.close();
    }

    @Test
    void anUntouchedRunIsClean() {
        LossCheck.Verification verification = LossCheck.verify(backend, Workload.OWN_ARTIFACTS, ledger);

        assertThat(verification.problems()).isEmpty();
        assertThat(verification.publishes()).isEqualTo(CYCLES);
        assertThat(verification.versions()).isEqualTo(CYCLES);
        assertThat(verification.fsck().intact()).isTrue();
    }

    @Test
    void aVanishedVersionRecordIsALoss() {
        VersionRecord first = backend.metadata().getVersion(artifact(), Version.of(1)).orElseThrow();
        backend.metadata().deleteVersion(artifact(), Version.of(1), first.revision());

        assertThat(LossCheck.verify(backend, Workload.OWN_ARTIFACTS, ledger).problems())
                .anySatisfy(problem -> assertThat(problem).startsWith("LOST: version 1 of " + artifact()));
    }

    @Test
    void anAliasMovedBackIsALoss() {
        backend.repository().putAlias(artifact(), CycleWorker.ALIAS, Version.of(2));

        assertThat(LossCheck.verify(backend, Workload.OWN_ARTIFACTS, ledger).problems())
                .anySatisfy(problem -> assertThat(problem).startsWith("LOST: alias live of " + artifact()));
    }

    @Test
    void missingBytesAreFoundByFsck() {
        VersionRecord third = backend.metadata().getVersion(artifact(), Version.of(3)).orElseThrow();
        backend.blobs().delete(third.blobKey());

        assertThat(LossCheck.verify(backend, Workload.OWN_ARTIFACTS, ledger).problems())
                .anySatisfy(problem -> assertThat(problem).startsWith("fsck: version 3 of " + artifact()));
    }

    private String artifact() {
        return Workload.OWN_ARTIFACTS.artifact(0, 0, 0, CYCLES);
    }
}
