/**
 * The "Streaming" section of the benchmarks: put and get of a large file on the embedded and the S3 + DynamoDB
 * backends, measured in a child JVM whose heap is far smaller than the file, each against a raw baseline in the
 * same child. {@link io.versioned.bench.streaming.StreamingSection} runs in the benchmark JVM;
 * {@link io.versioned.bench.streaming.StreamingRun} is the child's entry point.
 */
package io.versioned.bench.streaming;
