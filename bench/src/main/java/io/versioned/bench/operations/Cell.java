package io.versioned.bench.operations;

/** Where a {@link Timing} goes in the report: a backend's operation, done by one side. */
record Cell(Backend backend, Operation operation, Side side) {
}
