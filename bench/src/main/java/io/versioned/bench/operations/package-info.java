/**
 * The "Operations" section of the benchmark report: each public operation of each backend (in-memory, embedded,
 * S3 + DynamoDB, S3-only) timed through the library and, as its baseline, through the raw store doing the fewest
 * calls that give the same result. The in-process backends are measured with JMH ({@link
 * io.versioned.bench.operations.InProcessBenchmarks}), the HTTP ones with the plain harness
 * ({@link io.versioned.bench.Stopwatch}); both sides run the same {@link io.versioned.bench.operations.Workload}
 * script on the same artifacts.
 */
package io.versioned.bench.operations;
