package io.versioned.bench;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The targets of issue 15 and what this run measured for each: the sections report their measured ratios and
 * counts here, and the report ends with a table of every target, met or not (or not measured, when its section did
 * not run or failed). Thread-safe.
 */
public final class Targets {

    /** One target: what is measured, the bound, and whether the measured value must stay at most or at least it. */
    public enum Target {
        RESOLVE_READ_S3_DYNAMODB("S3 + DynamoDB: resolve + read of 1 KiB ÷ raw GetItem + GetObject (Operations)",
                1.3, true, "×",
                "docs/performance.md, section Resolve and read"),
        RESOLVE_REQUESTS("S3 + DynamoDB: requests of resolve (Requests)", 1, true, " requests",
                "docs/round-trips.md (resolve)"),
        PUT_ALIAS_SWITCH_REQUESTS("S3 + DynamoDB: requests of putAlias, switch (Requests)", 4, true, " requests",
                "docs/round-trips.md, section Request budget"),
        PUT_ALIAS_NEW_REQUESTS("S3 + DynamoDB: requests of putAlias, new alias (Requests)", 5, true, " requests",
                "docs/round-trips.md, section Request budget"),
        PUT_ALIAS_CANARY_REQUESTS("S3 + DynamoDB: requests of putAlias, canary (Requests)", 6, true, " requests",
                "docs/round-trips.md, section Request budget"),
        PUBLISH_REQUESTS("S3 + DynamoDB: requests of publish (Requests)", 4, true, " requests",
                "docs/round-trips.md, section Request budget"),
        STREAM_S3_PUT("S3 + DynamoDB: put of the large file ÷ raw multipart upload (Streaming)", 1.3, true, "×",
                "docs/performance.md, section Streaming"),
        STREAM_S3_PUT_NOT_SHARED("S3 + DynamoDB, not shared with Python: put of the large file ÷ raw multipart "
                + "upload (Streaming)", 1.3, true, "×", "docs/performance.md, section Streaming"),
        STREAM_S3_GET("S3 + DynamoDB: get of the large file ÷ raw GetObject (Streaming)", 1.2, true, "×",
                "docs/performance.md, section Streaming"),
        STREAM_EMBEDDED_PUT("embedded: put of the large file ÷ its baseline (Streaming)", 2, true, "×",
                "docs/performance.md, section Streaming"),
        CONTENTION_S3_ONLY("S3-only: one shared artifact, 16 threads ÷ 1 thread (Concurrency)", 0.7, false, "×",
                "docs/performance.md, section Contention"),
        CONTENTION_S3_DYNAMODB("S3 + DynamoDB: one shared artifact, 16 threads ÷ 1 thread (Concurrency)", 1.0,
                false, "×",
                "docs/performance.md, section Contention"),
        PUBLISH_SCALE_IN_MEMORY("in-memory: publish, larger ÷ smaller artifact (Scale)", 1.3, true, "×",
                "docs/semantics.md (publish)"),
        PUBLISH_SCALE_EMBEDDED("embedded: publish, larger ÷ smaller artifact (Scale)", 1.3, true, "×",
                "docs/semantics.md (publish)"),
        PUBLISH_SCALE_S3_DYNAMODB("S3 + DynamoDB: publish, larger ÷ smaller artifact (Scale)", 1.3, true, "×",
                "docs/round-trips.md (publish)"),
        PUBLISH_SCALE_S3_ONLY("S3-only: publish, larger ÷ smaller artifact (Scale)", 1.3, true, "×",
                "docs/s3-only.md, section How costs grow with the artifact"),
        RESOLVE_SCALE_S3_ONLY("S3-only: resolve, larger ÷ smaller artifact (Scale)", 1.3, true, "×",
                "docs/s3-only.md, section How costs grow with the artifact"),
        PURGE_SCALE_S3_ONLY("S3-only: purge per version, larger ÷ smaller artifact (Scale)", 1.3, true, "×",
                "docs/s3-only.md, section How costs grow with the artifact");

        private final String label;
        private final double bound;
        private final boolean atMost;
        private final String unit;
        private final String explained;

        Target(String label, double bound, boolean atMost, String unit, String explained) {
            this.label = label;
            this.bound = bound;
            this.atMost = atMost;
            this.unit = unit;
            this.explained = explained;
        }

        /** Whether {@code measured} meets this target. */
        public boolean metBy(double measured) {
            return atMost ? measured <= bound : measured >= bound;
        }

        String goal() {
            return (atMost ? "≤ " : "≥ ") + format(bound);
        }

        String format(double value) {
            return (value == Math.rint(value) && !unit.equals("×") ? String.format(Locale.ROOT, "%.0f", value)
                    : String.format(Locale.ROOT, "%.2f", value)) + unit;
        }
    }

    private final Map<Target, Double> measured = new EnumMap<>(Target.class);

    /** Records what this run measured for {@code target}; a later measurement replaces an earlier one. */
    public synchronized void measured(Target target, double value) {
        measured.put(target, value);
    }

    /** The measured value of {@code target}, or null when it was not measured in this run. */
    public synchronized Double valueOf(Target target) {
        return measured.get(target);
    }

    /** The table of every target: goal, measured value, and whether it is met. */
    public synchronized String table() {
        MarkdownTable table = new MarkdownTable("target", "goal", "measured", "met", "where it is explained");
        for (Target target : Target.values()) {
            Double value = measured.get(target);
            table.row(target.label, target.goal(), value == null ? "not measured in this run" : target.format(value),
                    value == null ? "—" : target.metBy(value) ? "✓ met" : "✗ not met", target.explained);
        }
        return table.toString();
    }
}
