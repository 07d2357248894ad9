package io.versioned.tck;

import io.versioned.api.PutOptions;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.statistics.Statistics;

/**
 * Random input at every public {@link Repository} method (jqwik properties): names valid and invalid (empty, too
 * long, bad or odd characters, null), aliases (LATEST in any case), versions from any int, canary weights from any
 * int, routing keys from any text, expected revisions and retention arguments from any number, content from empty
 * to a few hundred KiB, content types valid and invalid, and metadata and tags from empty to far past their limits
 * with control characters, U+0000 and lone surrogates.
 *
 * <p>Each try makes one call against stores that already hold state (seeded before each property, then changed by
 * the calls that succeed). The property: the call either succeeds, and then reading back gives exactly what was
 * written (bytes, SHA-256, content type, metadata, alias targets) and a read changed nothing; or it throws exactly
 * what the API documents: an {@link IllegalArgumentException} whose message starts with the name of an argument that
 * {@link InputRules} (an independent statement of the documented rules) finds invalid, when and only when some
 * argument is invalid, otherwise one of the exceptions the method's Javadoc lists, never a
 * {@link io.versioned.api.BackendException} or a raw one; and then the stores are unchanged ({@link StoreSnapshot}
 * before and after equal).
 *
 * <p>Subclasses supply fresh stores with {@link #createPorts()}, release what those hold with
 * {@link #releasePorts()}, and choose the number of tries per property with {@link #tries()} (in-memory stores
 * afford hundreds, stores over HTTP tens). jqwik prints the seed of a failing run; rerun with it through
 * {@code @Property(seed = ...)} or jqwik's database of failures.
 */
public abstract class InputPropertyContract {

    private StorePorts ports;
    private Repository repository;
    private Path work;

    /**
     * Fresh, empty stores isolated from every other call, as {@link RepositoryContractSupport#createPorts()}; called
     * once before each property. {@link #workDirectory()} may hold their files.
     */
    protected abstract StorePorts createPorts();

    /** Releases what the stores of the property just run hold beyond what closing the repository releases. */
    protected void releasePorts() {
    }

    /** The tries of each property: a few hundred where calls are cheap, a few dozen over HTTP. */
    protected int tries() {
        return 100;
    }

    /** A folder of the running property, deleted after it: for files of the stores and of the calls. */
    protected final Path workDirectory() {
        return work;
    }

    @BeforeProperty
    final void openSeededRepository() throws IOException {
        work = Files.createTempDirectory("versioned-properties-");
        ports = createPorts();
        repository = RepositoryFixture.repository(ports, new TestClock(Instant.parse("2026-01-01T00:00:00Z")));
        seed(repository);
    }

    @AfterProperty
    final void closeRepository() throws IOException {
        try {
            repository.close();
        } finally {
            try {
                releasePorts();
            } finally {
                deleteRecursively(work);
            }
        }
    }

    /**
     * Any call of the API with any arguments, against a store the earlier tries changed: succeeds and reads back
     * exactly, or fails as documented and changes nothing.
     */
    @Property(edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(SuiteTries.class)
    void everyCallSucceedsOrFailsAsDocumentedAndAFailedCallChangesNothing(@ForAll("calls") ApiCall call)
            throws Exception {
        check(call);
    }

    /**
     * Puts of every form with any content, content type, metadata and tags: stored and read back exactly (bytes,
     * SHA-256, content type, metadata), or refused naming the argument, having stored nothing.
     */
    @Property(edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(SuiteTries.class)
    void everyPutStoresExactlyWhatItWasGivenOrNothing(@ForAll("puts") ApiCall call) throws Exception {
        check(call);
    }

    @Provide
    Arbitrary<ApiCall> puts() {
        Arbitrary<String> names = Inputs.artifactNames();
        return Arbitraries.frequencyOf(
                weighted(1, Combinators.combine(names, nullable(Inputs.contents())).as(ArtifactCalls::putBytes)),
                weighted(4, Combinators.combine(names, nullable(Inputs.contents()), Inputs.options())
                        .as(ArtifactCalls::putBytesWithOptions)),
                weighted(2, Combinators.combine(names, Inputs.contents(), Inputs.files(), Inputs.options())
                        .as(ArtifactCalls::putFile)),
                weighted(2, Combinators.combine(names, nullable(Inputs.contents()), Inputs.options())
                        .as(ArtifactCalls::putStream)),
                weighted(1, names.map(ArtifactCalls::publish)));
    }

    @Provide
    Arbitrary<ApiCall> calls() {
        Arbitrary<String> names = Inputs.artifactNames();
        Arbitrary<String> aliases = Inputs.aliasNames();
        Arbitrary<Inputs.VersionArg> versions = Inputs.versions();
        List<Tuple2<Integer, Arbitrary<? extends ApiCall>>> calls = new ArrayList<>(List.of(
                weighted(6, puts()),
                weighted(2, names.map(ArtifactCalls::getLatest)),
                weighted(3, Combinators.combine(names, versions).as(ArtifactCalls::get)),
                weighted(2, names.map(ArtifactCalls::list)),
                weighted(1, Arbitraries.just(ArtifactCalls.names())),
                weighted(1, names.map(ArtifactCalls::latestNumber)),
                weighted(2, Combinators.combine(names, versions).as(ArtifactCalls::getContent)),
                weighted(2, Combinators.combine(names, versions).as(ArtifactCalls::openContent)),
                weighted(2, Combinators.combine(names, versions, Inputs.targets()).as(ArtifactCalls::download)),
                weighted(4, names.map(ArtifactCalls::publish)),
                weighted(3, Combinators.combine(names, versions).as(ArtifactCalls::delete)),
                weighted(3, Combinators.combine(names, versions).as(ArtifactCalls::restore)),
                weighted(2, Combinators.combine(names, Inputs.keepCounts(), Inputs.ages(),
                        Arbitraries.of(Optional.<Boolean>empty(), Optional.of(true), Optional.of(false)))
                        .as(ArtifactCalls::purgeVersions)),
                weighted(1, names.map(ArtifactCalls::purgeArtifact))));
        calls.addAll(List.of(
                weighted(4, Combinators.combine(names, aliases, versions).as(AliasCalls::put)),
                weighted(4, Combinators.combine(names, aliases, versions, Inputs.secondaries(), Inputs.weights())
                        .as(AliasCalls::putCanary)),
                weighted(3, Combinators.combine(names, aliases, versions, Inputs.secondaries(), Inputs.weights(),
                        Inputs.revisions(), Arbitraries.integers().between(0, 19).map(i -> i == 0))
                        .as(AliasCalls::putExpecting)),
                weighted(2, Combinators.combine(names, aliases).as(AliasCalls::get)),
                weighted(1, names.map(AliasCalls::list)),
                weighted(2, Combinators.combine(names, aliases).as(AliasCalls::delete)),
                weighted(2, Combinators.combine(names, aliases).as(AliasCalls::resolve)),
                weighted(3, Combinators.combine(names, aliases, Inputs.routingKeys()).as(AliasCalls::resolveKey)),
                weighted(2, Combinators.combine(names, aliases).as(AliasCalls::history))));
        @SuppressWarnings("unchecked")
        Tuple2<Integer, Arbitrary<? extends ApiCall>>[] frequencies = calls.toArray(Tuple2[]::new);
        return Arbitraries.frequencyOf(frequencies);
    }

    private void check(ApiCall call) throws Exception {
        Statistics.label("outcome").coverage(coverage -> {
            coverage.check("succeeded").count(count -> count > 0);
            coverage.check("IllegalArgumentException").count(count -> count > 0);
        });
        Statistics.label("call").collect(call.method());
        StoreSnapshot before = snapshot(call);
        Object result;
        try {
            result = call.action().run(repository, work);
        } catch (RuntimeException failure) {
            Statistics.label("outcome").collect(failure.getClass().getSimpleName());
            if (failure instanceof IllegalArgumentException) {
                Statistics.label("refused argument").collect(String.valueOf(failure.getMessage()).split(":")[0]);
            }
            assertDocumented(call, failure);
            StoreSnapshot after = snapshot(call);
            if (!after.equals(before)) {
                throw new AssertionError("the failed call " + call + " changed the store:\nbefore: " + before
                        + "\nafter:  " + after, failure);
            }
            return;
        }
        Statistics.label("outcome").collect("succeeded");
        if (!call.invalidArguments().isEmpty()) {
            throw new AssertionError(call + " succeeded although " + call.invalidArguments() + " break the rules");
        }
        call.check().verify(repository, before, () -> snapshot(call), result);
    }

    /**
     * An {@link IllegalArgumentException} exactly when an argument is invalid, starting with such an argument's
     * name; otherwise exactly one of the documented failures.
     */
    private static void assertDocumented(ApiCall call, RuntimeException failure) {
        if (failure instanceof IllegalArgumentException) {
            if (call.invalidArguments().isEmpty()) {
                throw new AssertionError(call + " refused valid arguments: " + failure, failure);
            }
            String message = String.valueOf(failure.getMessage());
            if (failure.getClass() != IllegalArgumentException.class
                    || call.invalidArguments().stream().noneMatch(argument -> message.startsWith(argument + ": "))) {
                throw new AssertionError(call + " must throw an IllegalArgumentException whose message starts with "
                        + "one of " + call.invalidArguments() + " and ': ', got " + failure, failure);
            }
            return;
        }
        if (!call.invalidArguments().isEmpty()) {
            throw new AssertionError(call + " must refuse " + call.invalidArguments()
                    + " with an IllegalArgumentException, got " + failure, failure);
        }
        if (!call.documentedFailures().contains(failure.getClass())) {
            throw new AssertionError(call + " may fail only with " + call.documentedFailures() + ", got " + failure,
                    failure);
        }
    }

    private StoreSnapshot snapshot(ApiCall call) {
        TreeSet<String> names = new TreeSet<>(Inputs.KNOWN_NAMES);
        names.addAll(call.names());
        TreeSet<String> aliases = new TreeSet<>(Inputs.KNOWN_ALIASES);
        aliases.addAll(call.aliases());
        return StoreSnapshot.of(ports, names, aliases);
    }

    /**
     * The state every property starts from: {@code app} with versions 1 and 2, a deleted 3, LATEST with other
     * bytes, {@code prod} on 1 and {@code canary} on 1 with 10 % to 2; {@code db} with LATEST only.
     */
    private static void seed(Repository repository) {
        String app = Inputs.KNOWN_NAMES.get(0);
        repository.putArtifact(app, Content.utf8("one"), PutOptions.builder().contentType("text/plain")
                .metadata(Map.of("owner", "analytics", "note", "caf\u00e9 \ud83d\ude00")).build());
        repository.publishArtifactVersion(app);
        repository.putArtifact(app, Content.utf8("two"));
        repository.publishArtifactVersion(app);
        repository.putArtifact(app, Content.utf8("three"));
        repository.publishArtifactVersion(app);
        repository.deleteArtifactVersion(app, Version.of(3));
        repository.putArtifact(app, Content.random(16, 0));
        repository.putAlias(app, Inputs.KNOWN_ALIASES.get(0), Version.of(1));
        repository.putAlias(app, Inputs.KNOWN_ALIASES.get(1), Version.of(1), Version.of(2), 10);
        repository.putArtifact(Inputs.KNOWN_NAMES.get(1), Content.random(1, 1),
                PutOptions.builder().contentType("application/x-sqlite3").build());
    }

    private static <T> Arbitrary<T> nullable(Arbitrary<T> arbitrary) {
        return arbitrary.injectNull(0.03);
    }

    private static Tuple2<Integer, Arbitrary<? extends ApiCall>> weighted(int weight,
                                                                         Arbitrary<? extends ApiCall> calls) {
        return Tuple.of(weight, calls);
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

    /** Sets the tries of each property of a suite to its {@link #tries()}. */
    public static final class SuiteTries implements AroundPropertyHook {

        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            if (context.testInstance() instanceof InputPropertyContract suite) {
                context.attributes().setTries(suite.tries());
            }
            return property.execute();
        }
    }
}
