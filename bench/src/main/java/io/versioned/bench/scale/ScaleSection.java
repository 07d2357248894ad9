package io.versioned.bench.scale;

import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.bench.BenchSection;
import io.versioned.bench.BenchSettings;
import io.versioned.bench.MarkdownTable;
import io.versioned.bench.Samples;
import io.versioned.bench.Stopwatch;
import io.versioned.bench.Targets;
import io.versioned.bench.backend.BackendKind;
import io.versioned.bench.backend.BenchBackend;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Scale: how the cost of listArtifactVersions, resolve and purgeArtifactVersions grows from a smaller to a larger
 * artifact (1,000 and 10,000 versions), and that of listArtifactNames from 100 to 1,000 artifacts, on each backend,
 * as ratios of the larger size's cost to the smaller's, measured in the same run.
 */
public final class ScaleSection implements BenchSection {

    private static final ScalePlan FULL = new ScalePlan(1_000, 10_000, 100, 1_000, 3, 15, 20, 200, 5,
            Duration.ofSeconds(10), 4);
    private static final ScalePlan QUICK = new ScalePlan(10, 100, 5, 20, 1, 3, 2, 5, 5,
            Duration.ofMillis(300), 4);
    private static final String ALIAS = "live";

    /** An artifact filled to {@code versions} versions, with {@link #ALIAS} on the newest. */
    private record Filled(String name, int versions, Population population) {
    }

    @Override
    public String title() {
        return "Scale";
    }

    @Override
    public String run(BenchSettings settings) throws Exception {
        ScalePlan plan = settings.quick() ? QUICK : FULL;
        MarkdownTable costs = new MarkdownTable("backend", "operation", "smaller: median (p99)",
                "larger: median (p99)", "larger ÷ smaller", "per item");
        MarkdownTable filling = new MarkdownTable("backend", "filled", "through the API", "API time", "API rate",
                "below the API (ports)", "time below the API");
        for (BackendKind kind : BackendKind.values()) {
            System.out.println("   " + kind.label());
            try (BenchBackend backend = BenchBackend.open(kind, settings, "scale")) {
                VersionPopulator populator = new VersionPopulator(backend, settings.servers(), plan.writerThreads());
                warmUpPurge(backend.repository(), populator, plan.smallVersions());
                Filled small = fill(backend.repository(), populator, plan, plan.smallVersions());
                Filled large = fill(backend.repository(), populator, plan, plan.largeVersions());
                versionRows(costs, kind, plan, backend.repository(), small, large, settings.targets());
                fillingRow(filling, kind, count(small.versions()) + " versions", small.population());
                fillingRow(filling, kind, count(large.versions()) + " versions", large.population());
            }
            nameRows(costs, filling, kind, settings, plan);
        }
        return intro(plan) + "\n" + costs + "\n" + fillingIntro(plan) + "\n" + filling;
    }

    /** Fills two fresh repositories with the smaller and the larger number of artifacts and times their listing. */
    private static void nameRows(MarkdownTable costs, MarkdownTable filling, BackendKind kind, BenchSettings settings,
                                 ScalePlan plan) throws Exception {
        try (BenchBackend few = BenchBackend.open(kind, settings, "names");
             BenchBackend many = BenchBackend.open(kind, settings, "names")) {
            Population fewNames = new NamePopulator(few.repository(), plan.writerThreads())
                    .populate(0, plan.smallNames());
            Population manyNames = new NamePopulator(many.repository(), plan.writerThreads())
                    .populate(0, plan.largeNames());
            PairedStopwatch.Pair list = PairedStopwatch.time(plan.listWarmups(), plan.listIterations(),
                    () -> expect(few.repository().listArtifactNames().size(), plan.smallNames(), "names"),
                    () -> expect(many.repository().listArtifactNames().size(), plan.largeNames(), "names"));
            costRow(costs, kind, "listArtifactNames, " + count(plan.smallNames()) + " → " + count(plan.largeNames())
                    + " artifacts", list, plan.largeNames() / (double) plan.smallNames());
            fillingRow(filling, kind, count(plan.smallNames()) + " artifacts", fewNames);
            fillingRow(filling, kind, count(plan.largeNames()) + " artifacts", manyNames);
        }
    }

    private static Filled fill(Repository repository, VersionPopulator populator, ScalePlan plan, int versions)
            throws Exception {
        String name = "scale-" + versions;
        Population population = populator.populate(name, versions, plan.apiBudget());
        repository.putAlias(name, ALIAS, Version.of(versions));
        return new Filled(name, versions, population);
    }

    /**
     * Fills a throw-away artifact with {@code versions} versions, below the API, and purges its older half, untimed,
     * so that the first timed purge does not pay for loading and compiling the purge's code.
     */
    private static void warmUpPurge(Repository repository, VersionPopulator populator, int versions)
            throws Exception {
        String name = "scale-warm-up";
        populator.populate(name, versions, Duration.ZERO);
        repository.purgeArtifactVersions(name, versions / 2, Duration.ZERO);
    }

    /** Times list, resolve, publish and purge on both artifacts, interleaved. */
    private static void versionRows(MarkdownTable table, BackendKind kind, ScalePlan plan, Repository repository,
                                    Filled small, Filled large, Targets targets) throws Exception {
        String sizes = count(small.versions()) + " → " + count(large.versions()) + " versions";
        double items = large.versions() / (double) small.versions();
        PairedStopwatch.Pair list = PairedStopwatch.time(plan.listWarmups(), plan.listIterations(),
                list(repository, small), list(repository, large));
        costRow(table, kind, "listArtifactVersions, " + sizes, list, items);
        PairedStopwatch.Pair resolve = PairedStopwatch.time(plan.resolveWarmups(), plan.resolveIterations(),
                resolve(repository, small), resolve(repository, large));
        table.row(kind.label(), "resolve, " + sizes, cell(resolve.first()), cell(resolve.second()),
                resolve.second().ratioTo(resolve.first()), "—");
        PairedStopwatch.Pair publish = PairedStopwatch.time(plan.listWarmups(), plan.listIterations(),
                putNewContent(repository, small), publish(repository, small),
                putNewContent(repository, large), publish(repository, large));
        table.row(kind.label(), "publish (a new LATEST put just before, untimed), " + sizes,
                cell(publish.first()), cell(publish.second()), publish.second().ratioTo(publish.first()), "—");
        int published = plan.listWarmups() + plan.listIterations();
        int perCall = plan.purgedPerCall();
        PairedStopwatch.Pair purge = PairedStopwatch.time(0, plan.purgeCalls(),
                new PurgeStep(repository, small.name(), small.versions() + published, perCall),
                new PurgeStep(repository, large.name(), large.versions() + published, perCall));
        table.row(kind.label(), "purgeArtifactVersions of the oldest " + count(perCall) + " (" + plan.purgeCalls()
                        + " calls per artifact), " + sizes, purgeCell(purge.first(), perCall),
                purgeCell(purge.second(), perCall), purge.second().ratioTo(purge.first()), "—");
        double publishRatio = publish.second().median() / (double) publish.first().median();
        switch (kind) {
            case IN_MEMORY -> targets.measured(Targets.Target.PUBLISH_SCALE_IN_MEMORY, publishRatio);
            case EMBEDDED -> targets.measured(Targets.Target.PUBLISH_SCALE_EMBEDDED, publishRatio);
            case S3_DYNAMODB -> targets.measured(Targets.Target.PUBLISH_SCALE_S3_DYNAMODB, publishRatio);
            case S3_ONLY -> {
                targets.measured(Targets.Target.PUBLISH_SCALE_S3_ONLY, publishRatio);
                targets.measured(Targets.Target.RESOLVE_SCALE_S3_ONLY,
                        resolve.second().median() / (double) resolve.first().median());
                targets.measured(Targets.Target.PURGE_SCALE_S3_ONLY,
                        purge.second().median() / (double) purge.first().median());
            }
        }
    }

    /** An untimed put of content LATEST never had, so that the publish after it makes a new version. */
    private static Stopwatch.Action putNewContent(Repository repository, Filled artifact) {
        int[] puts = {0};
        return () -> repository.putArtifact(artifact.name(),
                ("scale publish " + artifact.name() + " " + ++puts[0]).getBytes(StandardCharsets.UTF_8));
    }

    private static Stopwatch.Action publish(Repository repository, Filled artifact) {
        return () -> repository.publishArtifactVersion(artifact.name());
    }

    private static Stopwatch.Action list(Repository repository, Filled artifact) {
        return () -> expect(repository.listArtifactVersions(artifact.name()).size(), artifact.versions() + 1,
                "live versions of " + artifact.name());
    }

    private static Stopwatch.Action resolve(Repository repository, Filled artifact) {
        return () -> expect(repository.resolve(artifact.name(), ALIAS).version().number(), artifact.versions(),
                "version " + ALIAS + " of " + artifact.name() + " resolves to");
    }

    private static void costRow(MarkdownTable table, BackendKind kind, String operation, PairedStopwatch.Pair pair,
                                double items) {
        table.row(kind.label(), operation, cell(pair.first()), cell(pair.second()),
                pair.second().ratioTo(pair.first()), Samples.ratio(pair.second().median() / items,
                        pair.first().median()));
    }

    private static void fillingRow(MarkdownTable table, BackendKind kind, String filled, Population population) {
        table.row(kind.label(), filled, count(population.viaApi()), Samples.duration(population.apiNanos()),
                population.apiRate() == 0 ? "—" : String.format(Locale.ROOT, "%,.0f/s", population.apiRate()),
                count(population.viaPorts()),
                population.viaPorts() == 0 ? "—" : Samples.duration(population.portNanos()));
    }

    private static String intro(ScalePlan plan) {
        return "How costs grow with size. On each backend, one artifact is filled to " + count(plan.smallVersions())
                + " versions and another to " + count(plan.largeVersions()) + " (each also has a LATEST and an "
                + "alias `" + ALIAS + "` on its newest version). Then `listArtifactVersions` (" + plan.listIterations()
                + " timed calls per artifact after " + plan.listWarmups() + " warm-up) and `resolve` of the alias ("
                + plan.resolveIterations() + " after " + plan.resolveWarmups() + ") are timed, the calls on the two "
                + "artifacts interleaved so that drift on the machine weighs on both alike. Then `publish` ("
                + plan.listIterations() + " timed after " + plan.listWarmups() + ", interleaved too), each after an "
                + "untimed put of new content, so that every publish makes a new version. Finally "
                + plan.purgeCalls() + " `purgeArtifactVersions(name, keepLastN, Duration.ZERO)` calls per artifact, "
                + "interleaved too, each hard-delete (records and bytes) the oldest " + count(plan.purgedPerCall())
                + " live versions: together half of the smaller artifact, and the same number of the larger, so "
                + "that the ratio shows how the cost of purging a version grows with the artifact (the cells also "
                + "show the median per purged version). Purging half of the larger artifact was left out to keep "
                + "the run short: a purge deletes the bytes of each version it removes, one request each. "
                + "`listArtifactNames` is timed "
                + "like the lists, on two other repositories holding "
                + count(plan.smallNames()) + " and " + count(plan.largeNames()) + " artifacts. The baseline of each "
                + "row is the same operation at the smaller size in the same run: *larger ÷ smaller* is the ratio of "
                + "the medians, and *per item* the ratio of the medians each divided by its number of items "
                + "(versions, purged versions, artifacts). A cost linear in the size shows ≈"
                + count(plan.largeVersions() / plan.smallVersions()) + "× and ≈1× per item; a cost independent of "
                + "it (as `resolve` should be) shows ≈1×; for the purge, whose count is the same at both sizes, "
                + "≈1× means each purged version costs the same in a larger artifact. Before the timed purges, a "
                + "throw-away artifact of " + count(plan.smallVersions()) + " versions is filled and half purged, "
                + "untimed, so that the first timed purge does not pay for cold code.\n";
    }

    private static String fillingIntro(ScalePlan plan) {
        return "How the artifacts were filled. Each artifact is first published through the public API, one put + "
                + "publish per version, for at most " + Samples.duration(plan.apiBudget().toNanos())
                + " (at the API rates below, 10,000 publishes over HTTP to the test servers would take far longer "
                + "than the run may). The remaining "
                + "versions are written below the API exactly as a publish leaves them: the bytes under "
                + "`{name}/{6-digit version}` through the blob port; a version record at revision 1 with the "
                + "content's SHA-256, size and content type through the metadata port's `createVersion` ("
                + plan.writerThreads() + " threads); the version counter raised to the last number; and LATEST put "
                + "again through the API. On S3 only, the records of the rest go into the artifact's "
                + "block documents (`versions/{block}.json`, 1000 numbers each) with one PutObject per block instead "
                + "(creating 10,000 records one by one would rewrite a growing block 10,000 times), and the records "
                + "are read back through the port's strict decoder, which must return exactly the records written. The artifacts for "
                + "`listArtifactNames` are put through the API (" + plan.writerThreads() + " threads).\n";
    }

    private static String cell(Samples samples) {
        return Samples.duration(samples.median()) + " (" + Samples.duration(samples.p99()) + ")";
    }

    private static String purgeCell(Samples samples, int perCall) {
        return cell(samples) + "; " + Samples.duration(samples.median() / (double) perCall) + " per version";
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static void expect(int actual, int expected, String what) {
        if (actual != expected) {
            throw new IllegalStateException(what + ": expected " + expected + ", got " + actual);
        }
    }
}
