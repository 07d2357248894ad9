package io.versioned.bench.concurrency;

import io.versioned.bench.BenchSection;
import io.versioned.bench.BenchSettings;
import io.versioned.bench.Targets;
import io.versioned.bench.MarkdownTable;
import io.versioned.bench.Samples;
import io.versioned.bench.backend.BackendKind;
import io.versioned.bench.backend.BenchBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Concurrency: 1 to 16 threads in one process repeating put + publish + putAlias + resolve on each backend, on their
 * own artifacts (throughput) and on one shared artifact (contention). Reports throughput, scaling against the
 * 1-thread row of the same backend and workload, retries and conflicts, and proves after every run that nothing
 * acknowledged was lost ({@link LossCheck}); a loss fails the section.
 */
public final class ConcurrencySection implements BenchSection {

    private static final RunPlan FULL = new RunPlan(List.of(1, 2, 4, 8, 16), 1, 1_000, 3, 1_500, 50, 4_000);
    private static final RunPlan QUICK = new RunPlan(List.of(1, 2), 0, 1, 2, 100, 20, 0);
    /** The thread count whose scaling on one shared artifact is a target of issue 15. */
    private static final int CONTENTION_THREADS = 16;
    private static final int PROBLEMS_IN_MESSAGE = 20;

    @Override
    public String title() {
        return "Concurrency";
    }

    @Override
    public String run(BenchSettings settings) throws Exception {
        RunPlan plan = settings.quick() ? QUICK : FULL;
        StringBuilder out = new StringBuilder(intro(plan));
        List<String> losses = new ArrayList<>();
        if (plan.backendWarmupMillis() > 0) {
            for (BackendKind kind : BackendKind.values()) {
                RunResult result = run(settings, kind, Workload.OWN_ARTIFACTS, RunPlan.BACKEND_WARMUP_THREADS,
                        plan.backendWarmup(), " (warm-up)");
                String where = kind.label() + ", warm-up run: ";
                result.verification().problems().forEach(problem -> losses.add(where + problem));
            }
        }
        for (Workload workload : Workload.values()) {
            MarkdownTable table = new MarkdownTable("backend", "threads", "cycles/s (median)", "operations/s",
                    "scaling vs 1 thread", "cycle median", "cycle p99", "harness retries", "port conflicts",
                    "zero loss");
            for (BackendKind kind : BackendKind.values()) {
                RunResult baseline = null;
                for (int threads : plan.threadCounts()) {
                    RunResult result = run(settings, kind, workload, threads, plan, "");
                    baseline = baseline == null ? result : baseline;
                    String where = kind.label() + ", " + workload.label() + ", " + threads + " threads: ";
                    result.verification().problems().forEach(problem -> losses.add(where + problem));
                    row(table, kind, result, baseline);
                    contentionTarget(settings, kind, workload, result, baseline);
                }
            }
            out.append("\n### ").append(capitalized(workload.label())).append(" (").append(workload.meaning())
                    .append(")\n\n").append(table);
        }
        if (!losses.isEmpty()) {
            losses.forEach(loss -> System.err.println("LOSS FOUND: " + loss));
            throw new IllegalStateException("LOSS FOUND: the zero-loss check failed with " + losses.size()
                    + " problem(s), the first " + Math.min(PROBLEMS_IN_MESSAGE, losses.size()) + ": "
                    + String.join("; ", losses.subList(0, Math.min(PROBLEMS_IN_MESSAGE, losses.size()))));
        }
        return out.toString();
    }

    /** One run on a fresh repository of {@code kind}; {@code what} names it in the progress output. */
    private static RunResult run(BenchSettings settings, BackendKind kind, Workload workload, int threads,
                                 RunPlan plan, String what) throws Exception {
        System.out.println("   " + workload.label() + ", " + kind.label() + ", " + threads
                + (threads == 1 ? " thread" : " threads") + what);
        try (BenchBackend backend = BenchBackend.open(kind, settings, "concurrency")) {
            return new ConcurrencyRun(backend, workload, threads, plan).run();
        }
    }

    /** Reports the scaling of the shared artifact at 16 threads on the HTTP backends, as the targets. */
    private static void contentionTarget(BenchSettings settings, BackendKind kind, Workload workload,
                                         RunResult result, RunResult baseline) {
        if (workload != Workload.SHARED_ARTIFACT || result.threads() != CONTENTION_THREADS) {
            return;
        }
        double scaling = result.medianCyclesPerSecond() / baseline.medianCyclesPerSecond();
        if (kind == BackendKind.S3_ONLY) {
            settings.targets().measured(Targets.Target.CONTENTION_S3_ONLY, scaling);
        } else if (kind == BackendKind.S3_DYNAMODB) {
            settings.targets().measured(Targets.Target.CONTENTION_S3_DYNAMODB, scaling);
        }
    }

    private static void row(MarkdownTable table, BackendKind kind, RunResult result, RunResult baseline) {
        table.row(kind.label(), result.threads(), rate(result.medianCyclesPerSecond()),
                rate(4 * result.medianCyclesPerSecond()),
                Samples.ratio(result.medianCyclesPerSecond(), baseline.medianCyclesPerSecond()),
                Samples.duration(result.cycleLatency().median()), Samples.duration(result.cycleLatency().p99()),
                retries(result), count(result.portConflicts()) + (result.portStoreFailures() > 0
                        ? " (+" + count(result.portStoreFailures()) + " store failures)" : ""),
                verdict(result.verification()));
    }

    private static String intro(RunPlan plan) {
        return "Threads in one process each repeat a cycle of four operations: put new content (unique to the thread "
                + "and cycle), publish it, point alias `live` at the published version, resolve the alias. With "
                + "**own artifacts** no two threads write the same artifact (throughput); with **one shared "
                + "artifact** all threads put, publish and move the alias of the same artifact at once (contention: a "
                + "publish may publish another thread's content and the alias moves under everyone), through the one "
                + "repository object an application shares among its threads, whose writes of one artifact take "
                + "turns (docs/semantics.md, \"Lost races\"); with **one shared artifact, a repository object per "
                + "thread** the same, but each thread has a repository object of its own on the same stores, as "
                + "separate processes would, so their writes race and the stores' compare-and-set decides. Every "
                + "thread "
                + "moves to a fresh artifact every " + plan.cyclesPerArtifact() + " cycles (the shared one: every "
                + plan.cyclesPerArtifact() + " cycles of all threads), so the number of versions per artifact is the "
                + "same in every row. "
                + (plan.backendWarmupMillis() == 0 ? "" : "Before its first row, each backend gets an untimed, "
                        + "verified warm-up run (" + RunPlan.BACKEND_WARMUP_THREADS + " threads, "
                        + plan.backendWarmupMillis() + " ms), so that no baseline pays for cold code. ")
                + "Each row is one run on a fresh repository: "
                + (plan.warmupWindows() == 0 ? "" : plan.warmupWindows() + " untimed warm-up window of "
                        + plan.warmupMillis() + " ms, then ")
                + plan.windows() + " timed windows of " + plan.windowMillis() + " ms, all threads released "
                + "together at the start of each; throughput is the cycles completed divided by the "
                + "window's time, and the row shows the median of the " + plan.windows() + " windows (operations/s "
                + "= 4 × cycles/s). The baseline of each row is the 1-thread row of the same backend and workload in "
                + "the same run (scaling = cycles/s ÷ the baseline's).\n\n"
                + "*Harness retries* counts calls that failed with `ConflictException` or a retryable "
                + "`BackendException` and were tried again (by the harness, up to " + Retrier.MAX_ATTEMPTS
                + " times); *port conflicts* counts port calls whose precondition failed (a compare-and-set or "
                + "put-if-absent that lost a race, retried inside the library). *Zero loss* is proved after every "
                + "run, below the API: every acknowledged publish has a live version record with the SHA-256 its "
                + "acknowledgement reported and no version number was acknowledged with two contents (own artifacts: "
                + "each publish reported its thread's own content, numbers increasing); every version holds content "
                + "some thread put; every alias points at a live version an acknowledged change named (own artifacts: "
                + "the last one), at a revision no lower than acknowledged; every resolve returned a stored version "
                + "with its SHA-256; LATEST holds the last put (own artifacts); and `Maintenance.fsck()` reads every "
                + "live version and reports it intact (orphan blobs allowed, counted). A loss fails this section.\n\n"
                + "The servers share the machine's " + Runtime.getRuntime().availableProcessors() + " cores with the "
                + "threads (s3proxy runs inside this JVM, dynalite is one Node process), so above that many threads "
                + "the gain comes from overlapping waits, not from parallel work. S3-only records go through a client "
                + "with the test suites' `LinearizableIfMatch`, which makes s3proxy's `If-Match` PutObject atomic as "
                + "it is on AWS S3; every port call is counted by a thin decorator.\n";
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond >= 100 ? "%,.0f" : "%.1f", perSecond);
    }

    private static String retries(RunResult result) {
        long total = result.conflicts() + result.retryableFailures();
        return total == 0 ? "0" : total + " (" + result.conflicts() + " conflicts, " + result.retryableFailures()
                + " retryable store failures)";
    }

    private static String verdict(LossCheck.Verification verification) {
        if (!verification.clean()) {
            return "**LOSS: " + verification.problems().size() + " problems**";
        }
        return "✓ " + count(verification.publishes()) + " publishes → " + count(verification.versions())
                + " versions" + (verification.unacknowledged() > 0
                        ? " (" + count(verification.unacknowledged()) + " unacknowledged)" : "")
                + "; fsck: " + count(verification.fsck().versionsChecked()) + " intact, "
                + count(verification.fsck().orphans().size()) + " orphans";
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
