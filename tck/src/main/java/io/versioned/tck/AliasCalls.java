package io.versioned.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.Alias;
import io.versioned.api.AliasNotFoundException;
import io.versioned.api.AliasTarget;
import io.versioned.api.Artifact;
import io.versioned.api.ArtifactNotFoundException;
import io.versioned.api.ConflictException;
import io.versioned.api.Routing;
import io.versioned.api.Version;
import io.versioned.api.VersionedException;
import io.versioned.core.port.AliasRecord;
import io.versioned.tck.Inputs.VersionArg;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The alias calls of the public API with generated arguments: the three forms of {@code putAlias}, reads, deletes,
 * both forms of {@code resolve} and the history, each with the rules that decide which arguments are invalid and
 * what must hold after it succeeded.
 */
final class AliasCalls {

    private static final Set<Class<? extends VersionedException>> NONE = Set.of();

    private AliasCalls() {
    }

    /** {@code putAlias(name, alias, version)}. */
    static ApiCall put(String name, String alias, VersionArg version) {
        return new ApiCall("putAlias(version)",
                "putAlias(" + Show.text(name) + ", " + Show.text(alias) + ", " + version + ")", Arrays.asList(name),
                Arrays.asList(alias), new Blame().name(name).alias(alias).version(version).arguments(),
                Set.of(ArtifactNotFoundException.class),
                (repository, work) -> repository.putAlias(name, alias, version.version()),
                putCheck(name, alias, version, VersionArg.absent(), 0));
    }

    /** {@code putAlias(name, alias, version, secondary, weight)}. */
    static ApiCall putCanary(String name, String alias, VersionArg version, VersionArg secondary, int weight) {
        return new ApiCall("putAlias(version, secondary, weight)", "putAlias(" + Show.text(name) + ", "
                + Show.text(alias) + ", " + version + ", " + secondary + ", " + weight + ")", Arrays.asList(name),
                Arrays.asList(alias), canaryBlame(name, alias, version, secondary, weight, "secondaryWeight").arguments(),
                Set.of(ArtifactNotFoundException.class),
                (repository, work) -> repository.putAlias(name, alias, version.version(), secondary.version(), weight),
                putCheck(name, alias, version, secondary, weight));
    }

    /**
     * {@code putAlias(name, alias, target, expectedRevision)}, the target made inside the call (or null when
     * {@code nullTarget}).
     */
    static ApiCall putExpecting(String name, String alias, VersionArg version, VersionArg secondary, int weight,
                                long expectedRevision, boolean nullTarget) {
        Blame blame = nullTarget ? new Blame().name(name).alias(alias).when(true, "target")
                : canaryBlame(name, alias, version, secondary, weight, "secondaryVersionWeight");
        return new ApiCall("putAlias(target, expectedRevision)", "putAlias(" + Show.text(name) + ", "
                + Show.text(alias) + ", " + (nullTarget ? "null" : "AliasTarget(" + version + ", " + secondary + ", "
                + weight + ")") + ", " + expectedRevision + ")", Arrays.asList(name), Arrays.asList(alias),
                blame.when(expectedRevision < 0, "expectedRevision").arguments(),
                Set.of(ArtifactNotFoundException.class, ConflictException.class),
                (repository, work) -> repository.putAlias(name, alias, nullTarget ? null
                        : new AliasTarget(version.version(), Optional.ofNullable(secondary.version()), weight),
                        expectedRevision),
                (repository, before, now, result) -> {
                    putCheck(name, alias, version, secondary, weight).verify(repository, before, now, result);
                    assertThat(expectedRevision).as("the expected revision of an alias that was changed")
                            .isEqualTo(Expect.alias(before, name, alias).map(AliasRecord::revision).orElse(0L));
                });
    }

    /**
     * The rules of a canary target: names, the primary, the weight ({@code weightArgument}: 0..99, and 0 without
     * a secondary) and a secondary that differs from the primary.
     */
    private static Blame canaryBlame(String name, String alias, VersionArg version, VersionArg secondary, int weight,
                                     String weightArgument) {
        boolean sameAsPrimary = version.makesAVersion() && secondary.makesAVersion()
                && version.version().equals(secondary.version());
        return new Blame().name(name).alias(alias).version(version)
                .when(!secondary.isNull() && !secondary.makesAVersion(), "version")
                .when(weight < 0 || weight > 99 || secondary.isNull() && weight != 0, weightArgument)
                .when(sameAsPrimary, "secondary");
    }

    /**
     * After a put of an alias: it points where asked, at versions that were live, with a higher revision than any
     * it had, and reads back the same.
     */
    private static ApiCall.Check putCheck(String name, String alias, VersionArg version, VersionArg secondary,
                                          int weight) {
        return (repository, before, now, result) -> {
            Alias put = (Alias) result;
            AliasTarget expected = new AliasTarget(version.version(), Optional.ofNullable(secondary.version()),
                    secondary.isNull() ? 0 : weight);
            assertThat(put.name()).isEqualTo(name);
            assertThat(put.alias()).isEqualTo(alias);
            assertThat(put.target()).isEqualTo(expected);
            assertThat(Expect.live(before, name, version.version())).as("the primary was live").isPresent();
            if (!secondary.isNull()) {
                assertThat(Expect.live(before, name, secondary.version())).as("the secondary was live").isPresent();
            }
            assertThat(put.revision()).isGreaterThan(Expect.lastRevision(before, name, alias));
            assertThat(repository.getAlias(name, alias)).isEqualTo(put);
            assertThat(repository.getAliasHistory(name, alias).get(0).current()).contains(expected);
        };
    }

    /** {@code getAlias(name, alias)}. */
    static ApiCall get(String name, String alias) {
        return new ApiCall("getAlias", "getAlias(" + Show.text(name) + ", " + Show.text(alias) + ")", Arrays.asList(name),
                Arrays.asList(alias), new Blame().name(name).alias(alias).arguments(), Set.of(AliasNotFoundException.class),
                (repository, work) -> repository.getAlias(name, alias),
                ArtifactCalls.readCheck((repository, before, result) -> {
                    Alias read = (Alias) result;
                    AliasRecord record = Expect.aliasOf(before, name, alias);
                    assertThat(read.target()).isEqualTo(record.target());
                    assertThat(read.revision()).isEqualTo(record.revision());
                }));
    }

    /** {@code listAliases(name)}: sorted by alias name. */
    static ApiCall list(String name) {
        return new ApiCall("listAliases", "listAliases(" + Show.text(name) + ")", Arrays.asList(name), List.of(),
                new Blame().name(name).arguments(), NONE, (repository, work) -> repository.listAliases(name),
                ArtifactCalls.readCheck((repository, before, result) -> {
                    List<String> listed = ((List<?>) result).stream().map(alias -> ((Alias) alias).alias()).toList();
                    assertThat(listed).isEqualTo(before.aliases().getOrDefault(name, List.of()).stream()
                            .map(AliasRecord::alias).sorted().toList());
                }));
    }

    /** {@code deleteAlias(name, alias)}: gone afterwards; a no-op for a missing alias. */
    static ApiCall delete(String name, String alias) {
        return new ApiCall("deleteAlias", "deleteAlias(" + Show.text(name) + ", " + Show.text(alias) + ")",
                Arrays.asList(name), Arrays.asList(alias), new Blame().name(name).alias(alias).arguments(), NONE,
                (repository, work) -> {
                    repository.deleteAlias(name, alias);
                    return null;
                },
                (repository, before, now, result) -> {
                    assertThatThrownBy(() -> repository.getAlias(name, alias))
                            .isExactlyInstanceOf(AliasNotFoundException.class);
                    if (Expect.alias(before, name, alias).isEmpty()) {
                        assertThat(now.get()).as("store after deleting a missing alias").isEqualTo(before);
                    }
                });
    }

    /** {@code resolve(name, alias)}: the primary or the secondary. */
    static ApiCall resolve(String name, String alias) {
        return new ApiCall("resolve(name, alias)", "resolve(" + Show.text(name) + ", " + Show.text(alias) + ")",
                Arrays.asList(name), Arrays.asList(alias), new Blame().name(name).alias(alias).arguments(),
                Set.of(AliasNotFoundException.class, ArtifactNotFoundException.class),
                (repository, work) -> repository.resolve(name, alias),
                ArtifactCalls.readCheck((repository, before, result) -> {
                    Artifact resolved = (Artifact) result;
                    AliasTarget target = Expect.aliasOf(before, name, alias).target();
                    assertThat(resolved.version()).isIn(target.version(), target.secondaryVersion().orElse(null));
                    Expect.shows(resolved, Expect.wasLive(before, name, resolved.version()));
                }));
    }

    /** {@code resolve(name, alias, routingKey)}: the version {@link Routing#bucket} picks. */
    static ApiCall resolveKey(String name, String alias, String routingKey) {
        return new ApiCall("resolve(name, alias, key)", "resolve(" + Show.text(name) + ", " + Show.text(alias) + ", "
                + Show.text(routingKey) + ")", Arrays.asList(name), Arrays.asList(alias),
                new Blame().name(name).alias(alias).when(routingKey == null, "routingKey").arguments(),
                Set.of(AliasNotFoundException.class, ArtifactNotFoundException.class),
                (repository, work) -> repository.resolve(name, alias, routingKey),
                ArtifactCalls.readCheck((repository, before, result) -> {
                    Artifact resolved = (Artifact) result;
                    AliasTarget target = Expect.aliasOf(before, name, alias).target();
                    Version picked = target.pick(Routing.bucket(name, alias, routingKey));
                    assertThat(resolved.version()).isEqualTo(picked);
                    Expect.shows(resolved, Expect.wasLive(before, name, picked));
                }));
    }

    /** {@code getAliasHistory(name, alias)}: every change, newest first. */
    static ApiCall history(String name, String alias) {
        return new ApiCall("getAliasHistory", "getAliasHistory(" + Show.text(name) + ", " + Show.text(alias) + ")",
                Arrays.asList(name), Arrays.asList(alias), new Blame().name(name).alias(alias).arguments(), NONE,
                (repository, work) -> repository.getAliasHistory(name, alias),
                ArtifactCalls.readCheck((repository, before, result) ->
                        assertThat(result).isEqualTo(Expect.history(before, name, alias))));
    }
}
