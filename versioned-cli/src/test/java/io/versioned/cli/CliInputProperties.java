package io.versioned.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.cli.CliHarness.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;

/**
 * Random argument values for the commands of {@code versioned}, run in this JVM through {@link CliHarness} against a
 * repository that holds state (seeded before each property, then changed by the commands that succeed). The
 * property: a command either succeeds (exit code 0; for {@code put}, LATEST then holds the bytes) or fails with the
 * exit code docs/cli.md gives that kind of failure: 2 exactly when an argument breaks a documented rule, and then
 * standard error names it; otherwise 1 (not found) or 3 (conflict) where the command allows them, never 4 (a store
 * failure). A failure prints one line on standard error, no stack trace and nothing on standard output, and changes
 * nothing ({@link RepositoryListing} before and after equal).
 *
 * <p>Subclasses supply the repository (its {@code --repo} value, a harness and a listing) and the property methods
 * with their number of tries.
 */
abstract class CliInputProperties {

    private Path work;

    /** Opens the repository of a property in {@code work}; called before each property. */
    abstract void open(Path work);

    /** Releases what {@link #open} holds; called after each property. */
    void close() {
    }

    /** The harness that runs the commands. */
    abstract CliHarness cli();

    /** The {@code --repo} value of the repository. */
    abstract String repository();

    /** Everything the repository holds, probing {@code names} and {@code aliases} besides the stored ones. */
    abstract RepositoryListing listing(Collection<String> names, Collection<String> aliases);

    @BeforeProperty
    final void openSeededRepository() throws IOException {
        work = Files.createTempDirectory("versioned-cli-properties-");
        open(work);
        Path one = Files.writeString(work.resolve("one"), "one");
        Path two = Files.writeString(work.resolve("two"), "two");
        seed("put", "app", one.toString(), "--content-type=text/plain", "--meta=owner=analytics");
        seed("publish", "app");
        seed("put", "app", two.toString());
        seed("publish", "app");
        seed("alias", "set", "app", "prod", "1");
        seed("alias", "set", "app", "canary", "1", "--secondary=2", "--weight=10");
        seed("put", "db", one.toString());
    }

    @AfterProperty
    final void closeRepository() throws IOException {
        try {
            close();
        } finally {
            deleteRecursively(work);
        }
    }

    @Provide
    Arbitrary<CliCall> commands() {
        Arbitrary<String> names = CliArgs.names();
        Arbitrary<String> aliases = CliArgs.aliases();
        Arbitrary<String> versions = CliArgs.versions();
        List<Tuple2<Integer, Arbitrary<? extends CliCall>>> calls = new ArrayList<>(List.of(
                weighted(8, Combinators.combine(names, CliArgs.contents(), CliArgs.files(), CliArgs.contentTypes(),
                        CliArgs.pairs(), CliArgs.pairs()).as(CliCalls::put)),
                weighted(3, names.map(CliCalls::publish)),
                weighted(3, Combinators.combine(names, versions, CliArgs.getTargets()).as(CliCalls::get)),
                weighted(2, Combinators.combine(names, versions).as(CliCalls::show)),
                weighted(1, names.map(CliCalls::versions)),
                weighted(3, Combinators.combine(names, versions).as(CliCalls::delete)),
                weighted(2, Combinators.combine(names, versions).as(CliCalls::restore))));
        calls.addAll(List.of(
                weighted(6, Combinators.combine(names, aliases, versions, optional(versions),
                        optional(CliArgs.weights()), optional(CliArgs.revisions())).as(CliCalls::setAlias)),
                weighted(3, Combinators.combine(Arbitraries.of("get", "delete", "history"), names, aliases)
                        .as(CliCalls::aliasCommand)),
                weighted(1, names.map(CliCalls::listAliases)),
                weighted(3, Combinators.combine(names, aliases, optional(CliArgs.routingKeys()),
                        CliArgs.resolveTargets()).as(CliCalls::resolve)),
                weighted(2, Combinators.combine(names, CliArgs.keeps(), CliArgs.durations(),
                        Arbitraries.of(true, false)).as(CliCalls::purge)),
                weighted(1, names.map(CliCalls::purgeArtifact))));
        @SuppressWarnings("unchecked")
        Tuple2<Integer, Arbitrary<? extends CliCall>>[] frequencies = calls.toArray(Tuple2[]::new);
        return Arbitraries.frequencyOf(frequencies);
    }

    /** Runs {@code call} (with {@code --json} when {@code json}) and checks the property. */
    final void check(CliCall call, boolean json) throws IOException {
        Statistics.label("command").collect(call.command());
        RepositoryListing before = listing(call);
        List<String> arguments = new ArrayList<>(List.of("--repo", repository()));
        if (json) {
            arguments.add("--json");
        }
        arguments.addAll(call.arguments().in(work));
        Result result = cli().runWithInput(call.stdin(), arguments.toArray(String[]::new));
        Statistics.label("exit code").collect(result.exitCode());
        String described = call + (json ? " --json" : "") + "\n" + result;

        assertThat(result.err()).as("a stack trace from %s", described).doesNotContain("\tat ");
        if (result.exitCode() == ExitCodes.OK) {
            assertThat(call.problems()).as("%s succeeded although these arguments break the rules", described)
                    .isEmpty();
            if (json && !result.out().isEmpty()) {
                assertThat(result.json().isObject()).as("JSON of %s", described).isTrue();
            }
            call.check().verify(result, () -> listing(call));
            return;
        }
        assertThat(result.out()).as("standard output of the failed %s", described).isEmpty();
        assertThat(result.binary()).as("binary output of the failed %s", described).isEmpty();
        assertThat(result.err().strip().lines()).as("standard error of %s", described).hasSize(1);
        assertThat(result.err()).as("standard error of %s", described).startsWith("versioned");
        if (call.problems().isEmpty()) {
            assertThat(result.exitCode()).as("exit code of %s with valid arguments", described)
                    .isIn(call.outcomes().toArray());
        } else {
            assertThat(result.exitCode()).as("exit code of %s, whose arguments %s break the rules", described,
                    call.problems().keySet()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).as("standard error of %s names one of %s", described, call.problems())
                    .containsAnyOf(call.problems().values().stream().flatMap(List::stream).toArray(String[]::new));
        }
        assertThat(listing(call)).as("the repository after the failed %s", described).isEqualTo(before);
    }

    private RepositoryListing listing(CliCall call) {
        TreeSet<String> names = new TreeSet<>(CliArgs.KNOWN_NAMES);
        names.addAll(call.names());
        TreeSet<String> aliases = new TreeSet<>(CliArgs.KNOWN_ALIASES);
        aliases.addAll(call.aliases());
        return listing(names, aliases);
    }

    private void seed(String... arguments) {
        List<String> all = new ArrayList<>(List.of("--repo", repository()));
        all.addAll(List.of(arguments));
        Result result = cli().run(all.toArray(String[]::new));
        assertThat(result.exitCode()).as("seeding: %s", result).isZero();
    }

    private static <T> Arbitrary<Optional<T>> optional(Arbitrary<T> values) {
        return Arbitraries.frequencyOf(weighted(1, Arbitraries.just(Optional.<T>empty())),
                weighted(1, values.map(Optional::of)));
    }

    private static <T> Tuple2<Integer, Arbitrary<? extends T>> weighted(int weight, Arbitrary<? extends T> arbitrary) {
        return Tuple.of(weight, arbitrary);
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException("deleting " + path + " failed", e);
                }
            }
        }
    }
}
