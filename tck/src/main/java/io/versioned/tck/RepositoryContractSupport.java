package io.versioned.tck;

import io.versioned.api.Repository;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the repository-level suites: before each test, fresh stores from {@link #createPorts()} and a
 * bootstrapped repository on them with a {@link TestClock}.
 */
public abstract class RepositoryContractSupport {

    /** The stores of the current test, for checks below the public API. */
    protected StorePorts ports;
    /** The clock of the current test. */
    protected TestClock clock;
    /** The repository under test. */
    protected Repository repository;

    /**
     * Fresh, empty stores isolated from every other call (a new bucket, table, prefix or directory); called once
     * before each test.
     */
    protected abstract StorePorts createPorts();

    @BeforeEach
    void createRepository() {
        ports = createPorts();
        clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
        repository = RepositoryFixture.repository(ports, clock);
    }

    @AfterEach
    void closeRepository() {
        if (repository != null) {
            repository.close();
        }
    }
}
