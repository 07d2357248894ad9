package io.versioned.bench.streaming;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the child JVM measures and where: the files, the repetitions, its work folder, the servers and the names
 * it may create on them, and the file it writes its measurements to. Passed on the child's command line as
 * {@code key=value} arguments ({@link #toArguments()}, {@link #parse(String[])}).
 *
 * @param input        the measured file
 * @param warmUp       a smaller file for the untimed warm-up round of each backend
 * @param repetitions  how many timed rounds each backend runs
 * @param work         an empty folder for the embedded repository and the downloads
 * @param s3Endpoint   the S3 server (s3proxy) the AWS rows use
 * @param dynamoDb     the DynamoDB server (dynalite) the AWS rows use
 * @param bucket       the bucket of the library's repository (created by its bootstrap)
 * @param rawBucket    the bucket of the raw SDK baseline (created by the child)
 * @param table        the DynamoDB table of the library's repository (created by its bootstrap)
 * @param results      the file the child writes its measurements to ({@link Measurement#toLine()})
 */
record StreamingPlan(InputFile input, InputFile warmUp, int repetitions, Path work, URI s3Endpoint,
                            URI dynamoDb, String bucket, String rawBucket, String table, Path results) {

    /** @throws IllegalArgumentException if a field is null or {@code repetitions} is not positive */
    public StreamingPlan {
        if (input == null || warmUp == null || work == null || s3Endpoint == null || dynamoDb == null
                || bucket == null || rawBucket == null || table == null || results == null) {
            throw new IllegalArgumentException("every field: must not be null");
        }
        if (repetitions < 1) {
            throw new IllegalArgumentException("repetitions: must be >= 1, got " + repetitions);
        }
    }

    /** The child's command-line arguments for this plan. */
    public List<String> toArguments() {
        return List.of(
                "input=" + input.path(), "inputSize=" + input.size(), "inputSha256=" + input.sha256(),
                "warmUp=" + warmUp.path(), "warmUpSize=" + warmUp.size(), "warmUpSha256=" + warmUp.sha256(),
                "repetitions=" + repetitions, "work=" + work, "s3Endpoint=" + s3Endpoint,
                "dynamoDb=" + dynamoDb, "bucket=" + bucket, "rawBucket=" + rawBucket, "table=" + table,
                "results=" + results);
    }

    /**
     * The plan of {@link #toArguments()}.
     *
     * @throws IllegalArgumentException if an argument is not {@code key=value}, or one is missing or malformed
     */
    public static StreamingPlan parse(String[] arguments) {
        Map<String, String> values = new HashMap<>();
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("arguments: expected key=value, got '" + argument + "'");
            }
            values.put(argument.substring(0, equals), argument.substring(equals + 1));
        }
        return new StreamingPlan(
                new InputFile(Path.of(value(values, "input")), Long.parseLong(value(values, "inputSize")),
                        value(values, "inputSha256")),
                new InputFile(Path.of(value(values, "warmUp")), Long.parseLong(value(values, "warmUpSize")),
                        value(values, "warmUpSha256")),
                Integer.parseInt(value(values, "repetitions")), Path.of(value(values, "work")),
                URI.create(value(values, "s3Endpoint")), URI.create(value(values, "dynamoDb")),
                value(values, "bucket"), value(values, "rawBucket"), value(values, "table"),
                Path.of(value(values, "results")));
    }

    private static String value(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("arguments: missing " + key + "=...");
        }
        return value;
    }
}
