package io.versioned.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.Alias;
import io.versioned.api.AliasChange;
import io.versioned.api.AliasNotFoundException;
import io.versioned.api.AliasTarget;
import io.versioned.api.Artifact;
import io.versioned.api.ArtifactNotFoundException;
import io.versioned.api.ConflictException;
import io.versioned.api.Repository;
import io.versioned.api.Routing;
import io.versioned.api.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The executable contract of the alias methods of {@link Repository} (docs/semantics.md §5 and §6): pointing, canaries,
 * the order of the checks, history and revisions, compare-and-set on the revision, and weighted and sticky routing.
 * Every failure is checked for its exact exception type and for having written nothing. An adapter's test class
 * extends this class and implements {@link #createPorts()}.
 */
public abstract class AliasContract extends RepositoryContractSupport {

    private static final String APP = "app";
    private static final String OTHER = "other";
    private static final String PROD = "prod";
    private static final String CANARY = "canary";
    private static final int RESOLUTIONS = 2_000;

    /** Before each test, {@value #APP} has versions 1 to 3 and a LATEST with other bytes. */
    @BeforeEach
    final void publishThreeVersions() {
        for (int i = 1; i <= 3; i++) {
            repository.putArtifact(APP, Content.utf8("v" + i));
            repository.publishArtifactVersion(APP);
        }
        repository.putArtifact(APP, Content.utf8("latest"));
    }

    // ---- putting and reading aliases (semantics §5)

    @Test
    void anAliasPointsAtAVersion() {
        clock.advance(Duration.ofHours(1));
        Instant before = clock.instant();

        Alias alias = repository.putAlias(APP, PROD, Version.of(2));

        assertThat(alias.name()).as("alias.name()").isEqualTo(APP);
        assertThat(alias.alias()).as("alias.alias()").isEqualTo(PROD);
        assertThat(alias.version()).as("alias.version()").isEqualTo(Version.of(2));
        assertThat(alias.secondaryVersion()).as("alias.secondaryVersion()").isEmpty();
        assertThat(alias.secondaryVersionWeight()).as("alias.secondaryVersionWeight()").isZero();
        assertThat(alias.secondaryVersionUri()).as("alias.secondaryVersionUri()").isEmpty();
        assertThat(alias.versionUri()).as("alias.versionUri()")
                .isEqualTo(repository.getArtifactVersion(APP, Version.of(2)).uri());
        assertThat(alias.updateAt()).as("alias.updateAt()").isBetween(before, clock.instant());
        assertThat(alias.revision()).isPositive();
        assertThat(repository.getAlias(APP, PROD)).as("repository.getAlias(APP, PROD)").isEqualTo(alias);
        assertThat(repository.resolve(APP, PROD)).as("repository.resolve(APP, PROD)")
                .isEqualTo(repository.getArtifactVersion(APP, Version.of(2)));
        assertThat(repository.getContent(APP, repository.resolve(APP, PROD).version())).isEqualTo(Content.utf8("v2"));
    }

    @Test
    void aCanaryAliasHasBothVersionsAndUris() {
        Alias alias = repository.putAlias(APP, PROD, Version.of(2), Version.of(3), 25);

        assertThat(alias.version()).as("alias.version()").isEqualTo(Version.of(2));
        assertThat(alias.secondaryVersion()).as("alias.secondaryVersion()").contains(Version.of(3));
        assertThat(alias.secondaryVersionWeight()).as("alias.secondaryVersionWeight()").isEqualTo(25);
        assertThat(alias.target()).as("alias.target()")
                .isEqualTo(new AliasTarget(Version.of(2), Optional.of(Version.of(3)), 25));
        assertThat(alias.versionUri()).as("alias.versionUri()")
                .isEqualTo(repository.getArtifactVersion(APP, Version.of(2)).uri());
        assertThat(alias.secondaryVersionUri()).as("alias.secondaryVersionUri()")
                .contains(repository.getArtifactVersion(APP, Version.of(3)).uri());
        assertThat(repository.getAlias(APP, PROD)).as("repository.getAlias(APP, PROD)").isEqualTo(alias);
    }

    @Test
    void anAliasMayPointAtLatestAndFollowsIt() {
        Alias alias = repository.putAlias(APP, "dev", Version.LATEST);

        assertThat(alias.version()).as("alias.version()").isEqualTo(Version.LATEST);
        assertThat(alias.versionUri()).as("alias.versionUri()").isEqualTo(repository.getArtifactVersion(APP).uri());
        assertThat(repository.getContent(APP, repository.resolve(APP, "dev").version()))
                .isEqualTo(Content.utf8("latest"));

        Artifact newer = repository.putArtifact(APP, Content.utf8("newer"));

        assertThat(repository.getAlias(APP, "dev").versionUri()).as("repository.getAlias(APP, \"dev\").versionUri()")
                .isEqualTo(newer.uri());
        assertThat(repository.resolve(APP, "dev")).as("repository.resolve(APP, \"dev\")").isEqualTo(newer);
        assertThat(repository.resolve(APP, "dev", "user-1")).as("repository.resolve(APP, \"dev\", \"user-1\")")
                .isEqualTo(newer);

        Alias canary = repository.putAlias(APP, CANARY, Version.of(3), Version.LATEST, 30);

        assertThat(canary.secondaryVersionUri()).as("canary.secondaryVersionUri()").contains(newer.uri());
    }

    @Test
    void aliasesOfDifferentArtifactsAreIndependent() {
        repository.putArtifact(OTHER, Content.utf8("other"));
        repository.publishArtifactVersion(OTHER);
        repository.putAlias(APP, PROD, Version.of(3));

        repository.putAlias(OTHER, PROD, Version.of(1));

        assertThat(repository.getAlias(APP, PROD).version()).as("repository.getAlias(APP, PROD).version()")
                .isEqualTo(Version.of(3));
        assertThat(repository.getAlias(OTHER, PROD).version()).as("repository.getAlias(OTHER, PROD).version()")
                .isEqualTo(Version.of(1));
        assertThat(repository.getAliasHistory(APP, PROD)).as("repository.getAliasHistory(APP, PROD)").hasSize(1);
        assertThat(repository.getAliasHistory(OTHER, PROD)).as("repository.getAliasHistory(OTHER, PROD)").hasSize(1);
        repository.deleteAlias(OTHER, PROD);
        assertThat(repository.getAlias(APP, PROD).version()).as("repository.getAlias(APP, PROD).version()")
                .isEqualTo(Version.of(3));
    }

    @Test
    void listAliasesIsSortedByAliasName() {
        for (String alias : List.of("zeta", "alpha", "mid", "beta2", "beta1")) {
            repository.putAlias(APP, alias, Version.of(1));
        }

        assertThat(repository.listAliases(APP)).extracting(Alias::alias)
                .containsExactly("alpha", "beta1", "beta2", "mid", "zeta");
        assertThat(repository.listAliases(APP)).allSatisfy(alias ->
                assertThat(alias).isEqualTo(repository.getAlias(APP, alias.alias())));
        assertThat(repository.listAliases(OTHER)).as("repository.listAliases(OTHER)").isEmpty();
    }

    @Test
    void aMissingAliasIsAliasNotFoundAndReadingItWritesNothing() {
        StoreSnapshot before = snapshot();

        assertThatThrownBy(() -> repository.getAlias(APP, PROD),
                "%s must throw %s", "repository.getAlias(APP, PROD)", "AliasNotFoundException")
                .isExactlyInstanceOf(AliasNotFoundException.class);
        assertThatThrownBy(() -> repository.resolve(APP, PROD),
                "%s must throw %s", "repository.resolve(APP, PROD)", "AliasNotFoundException")
                .isExactlyInstanceOf(AliasNotFoundException.class);
        assertThatThrownBy(() -> repository.resolve(APP, PROD, "user-1"),
                "%s must throw %s", "repository.resolve(APP, PROD, \"user-1\")", "AliasNotFoundException")
                .isExactlyInstanceOf(AliasNotFoundException.class);
        assertThatThrownBy(() -> repository.getAlias(OTHER, PROD),
                "%s must throw %s", "repository.getAlias(OTHER, PROD)", "AliasNotFoundException")
                .isExactlyInstanceOf(AliasNotFoundException.class);
        assertThat(repository.getAliasHistory(APP, PROD)).as("repository.getAliasHistory(APP, PROD)").isEmpty();

        assertThat(snapshot()).as("snapshot()").isEqualTo(before);
    }

    @Test
    void deleteAliasRemovesIt() {
        repository.putAlias(APP, PROD, Version.of(1));
        repository.putAlias(APP, CANARY, Version.of(2));

        repository.deleteAlias(APP, PROD);

        assertThatThrownBy(() -> repository.getAlias(APP, PROD),
                "%s must throw %s", "repository.getAlias(APP, PROD)", "AliasNotFoundException")
                .isExactlyInstanceOf(AliasNotFoundException.class);
        assertThatThrownBy(() -> repository.resolve(APP, PROD),
                "%s must throw %s", "repository.resolve(APP, PROD)", "AliasNotFoundException")
                .isExactlyInstanceOf(AliasNotFoundException.class);
        assertThat(repository.listAliases(APP)).extracting(Alias::alias).containsExactly(CANARY);
        assertThat(ports.metadata().listAliases(APP)).extracting(record -> record.alias()).containsExactly(CANARY);
    }

    @Test
    void deletingAMissingAliasIsANoOpWithoutHistory() {
        repository.putAlias(APP, CANARY, Version.of(2));
        StoreSnapshot before = snapshot();

        assertThatCode(() -> {
            repository.deleteAlias(APP, PROD);
            repository.deleteAlias(OTHER, PROD);
        }).doesNotThrowAnyException();

        assertThat(snapshot()).as("snapshot()").isEqualTo(before);
        assertThat(repository.getAliasHistory(APP, PROD)).as("repository.getAliasHistory(APP, PROD)").isEmpty();
        assertThat(repository.listArtifactNames()).as("repository.listArtifactNames()").containsExactly(APP);
    }

    // ---- the order of the checks (semantics §5)

    @Test
    void theAliasNameIsCheckedFirst() {
        StoreSnapshot before = snapshot();

        assertThatThrownBy(() -> repository.putAlias(APP, "1a", Version.of(1), Version.of(2), 150),
                "%s must throw %s",
                "repository.putAlias(APP, \"1a\", Version.of(1), Version.of(2), 150)", "IllegalArgumentException")
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("(?s).*\\balias\\b.*").hasMessageNotContaining("eight");
        assertThatThrownBy(() -> repository.putAlias(APP, "LATEST", Version.of(9), Version.of(9), 10),
                "%s must throw %s",
                "repository.putAlias(APP, \"LATEST\", Version.of(9), Version.of(9), 10)", "IllegalArgumentException")
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("(?s).*\\balias\\b.*").hasMessageNotContaining("eight");

        assertThat(snapshot()).as("snapshot()").isEqualTo(before);
    }

    @Test
    void theWeightIsCheckedSecond() {
        StoreSnapshot before = snapshot();

        for (int weight : new int[] {150, 100, -1, Integer.MIN_VALUE}) {
            assertThatThrownBy(() -> repository.putAlias(APP, PROD, Version.of(1), Version.of(2), weight),
                    "%s must throw %s",
                    "repository.putAlias(APP, PROD, Version.of(1), Version.of(2), weight)", "IllegalArgumentException")
                    .as("weight %d", weight).isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("secondaryWeight");
        }
        assertThatThrownBy(() -> repository.putAlias(APP, PROD, Version.of(1), null, 10),
                "%s must throw %s",
                "repository.putAlias(APP, PROD, Version.of(1), null, 10)", "IllegalArgumentException")
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("secondaryWeight");
        assertThatThrownBy(() -> repository.putAlias(APP, PROD, Version.of(1), Version.of(1), 150),
                "%s must throw %s",
                "repository.putAlias(APP, PROD, Version.of(1), Version.of(1), 150)", "IllegalArgumentException")
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("secondaryWeight");
        assertThatThrownBy(() -> repository.putAlias(APP, PROD, Version.of(99), null, 10),
                "%s must throw %s",
                "repository.putAlias(APP, PROD, Version.of(99), null, 10)", "IllegalArgumentException")
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("secondaryWeight");

        assertThat(snapshot()).as("snapshot()").isEqualTo(before);
    }

    @Test
    void aSecondaryEqualToThePrimaryIsCheckedThird() {
        StoreSnapshot before = snapshot();

        assertThatThrownBy(() -> repository.putAlias(APP, PROD, Version.of(1), Version.of(1), 10),
                "%s must throw %s",
                "repository.putAlias(APP, PROD, Version.of(1), Version.of(1), 10)", "IllegalArgumentException")
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageMatching("(?s).*\\bsecondary\\b.*");
        assertThatThrownBy(() -> repository.putAlias(APP, PROD, Version.of(99), Version.of(99), 10),
                "%s must throw %s",
                "repository.putAlias(APP, PROD, Version.of(99), Version.of(99), 10)", "IllegalArgumentException")
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageMatching("(?s).*\\bsecondary\\b.*");
        assertThatThrownBy(() -> repository.putAlias(APP, PROD, Version.LATEST, Version.LATEST, 0),
                "%s must throw %s",
                "repository.putAlias(APP, PROD, Version.LATEST, Version.LATEST, 0)", "IllegalArgumentException")
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageMatching("(?s).*\\bsecondary\\b.*");

        assertThat(snapshot()).as("snapshot()").isEqualTo(before);
    }

    @Test
    void aMissingPrimaryIsArtifactNotFoundAndWritesNothing() {
        StoreSnapshot before = snapshot();

        assertThatThrownBy(() -> repository.putAlias(APP, PROD, Version.of(8)),
                "%s must throw %s", "repository.putAlias(APP, PROD, Version.of(8))", "ArtifactNotFoundException")
                .isExactlyInstanceOf(ArtifactNotFoundException.class);
        assertThatThrownBy(() -> repository.putAlias(APP, PROD, Version.of(8), Version.of(9), 10),
                "%s must throw %s",
                "repository.putAlias(APP, PROD, Version.of(8), Version.of(9), 10)", "ArtifactNotFoundException")
                .isExactlyInstanceOf(ArtifactNotFoundException.class)
                .hasMessageContaining("8").hasMessageNotContaining("9");
        assertThatThrownBy(() -> repository.putAlias(APP, PROD, Version.of(8), Version.of(1), 10),
                "%s must throw %s",
                "repository.putAlias(APP, PROD, Version.of(8), Version.of(1), 10)", "ArtifactNotFoundException")
                .isExactlyInstanceOf(ArtifactNotFoundException.class);
        assertThatThrownBy(() -> repository.putAlias(OTHER, PROD, Version.LATEST),
                "%s must throw %s", "repository.putAlias(OTHER, PROD, Version.LATEST)", "ArtifactNotFoundException")
                .isExactlyInstanceOf(ArtifactNotFoundException.class);
        assertThatThrownBy(() -> repository.putAlias(APP, PROD, AliasTarget.of(Version.of(8)), 0),
                "%s must throw %s",
                "repository.putAlias(APP, PROD, AliasTarget.of(Version.of(8)), 0)", "ArtifactNotFoundException")
                .isExactlyInstanceOf(ArtifactNotFoundException.class);

        assertThat(snapshot()).as("snapshot()").isEqualTo(before);
        assertThatThrownBy(() -> repository.getAlias(APP, PROD),
                "%s must throw %s", "repository.getAlias(APP, PROD)", "AliasNotFoundException")
                .isExactlyInstanceOf(AliasNotFoundException.class);
        assertThat(repository.getAliasHistory(APP, PROD)).as("repository.getAliasHistory(APP, PROD)").isEmpty();
    }

    @Test
    void aDeletedPrimaryIsArtifactNotFoundAndWritesNothing() {
        repository.putAlias(APP, PROD, Version.of(3));
        repository.deleteArtifactVersion(APP, Version.of(1));
        Alias before = repository.getAlias(APP, PROD);
        StoreSnapshot stored = snapshot();

        assertThatThrownBy(() -> repository.putAlias(APP, PROD, Version.of(1)),
                "%s must throw %s", "repository.putAlias(APP, PROD, Version.of(1))", "ArtifactNotFoundException")
                .isExactlyInstanceOf(ArtifactNotFoundException.class);
        assertThatThrownBy(() -> repository.putAlias(APP, PROD, Version.of(1), Version.of(2), 10),
                "%s must throw %s",
                "repository.putAlias(APP, PROD, Version.of(1), Version.of(2), 10)", "ArtifactNotFoundException")
                .isExactlyInstanceOf(ArtifactNotFoundException.class);

        assertThat(repository.getAlias(APP, PROD)).as("repository.getAlias(APP, PROD)").isEqualTo(before);
        assertThat(snapshot()).as("snapshot()").isEqualTo(stored);

        repository.restoreArtifactVersion(APP, Version.of(1));
        assertThat(repository.putAlias(APP, PROD, Version.of(1)).version()).isEqualTo(Version.of(1));
    }

    @Test
    void aMissingOrDeletedSecondaryIsArtifactNotFoundAndLeavesTheAliasUnchanged() {
        repository.putAlias(APP, PROD, Version.of(1));
        repository.deleteArtifactVersion(APP, Version.of(3));
        Alias before = repository.getAlias(APP, PROD);
        StoreSnapshot stored = snapshot();

        assertThatThrownBy(() -> repository.putAlias(APP, PROD, Version.of(2), Version.of(9), 10),
                "%s must throw %s",
                "repository.putAlias(APP, PROD, Version.of(2), Version.of(9), 10)", "ArtifactNotFoundException")
                .isExactlyInstanceOf(ArtifactNotFoundException.class).hasMessageContaining("9");
        assertThatThrownBy(() -> repository.putAlias(APP, PROD, Version.of(2), Version.of(3), 10),
                "%s must throw %s",
                "repository.putAlias(APP, PROD, Version.of(2), Version.of(3), 10)", "ArtifactNotFoundException")
                .isExactlyInstanceOf(ArtifactNotFoundException.class);
        assertThatThrownBy(() -> repository.putAlias(APP, CANARY, Version.of(2), Version.of(9), 10),
                "%s must throw %s",
                "repository.putAlias(APP, CANARY, Version.of(2), Version.of(9), 10)", "ArtifactNotFoundException")
                .isExactlyInstanceOf(ArtifactNotFoundException.class);

        assertThat(repository.getAlias(APP, PROD)).as("repository.getAlias(APP, PROD)").isEqualTo(before);
        assertThat(snapshot()).as("snapshot()").isEqualTo(stored);
    }

    @Test
    void aRefusedPutAliasDoesNotKeepItsPrimaryFromBeingDeleted() {
        assertThatThrownBy(() -> repository.putAlias(APP, PROD, Version.of(2), Version.of(9), 10),
                "%s must throw %s",
                "repository.putAlias(APP, PROD, Version.of(2), Version.of(9), 10)", "ArtifactNotFoundException")
                .isExactlyInstanceOf(ArtifactNotFoundException.class);
        assertThatThrownBy(() -> repository.putAlias(APP, PROD, Version.LATEST, Version.of(9), 10),
                "%s must throw %s",
                "repository.putAlias(APP, PROD, Version.LATEST, Version.of(9), 10)", "ArtifactNotFoundException")
                .isExactlyInstanceOf(ArtifactNotFoundException.class);

        assertThatCode(() -> repository.deleteArtifactVersion(APP, Version.of(2))).doesNotThrowAnyException();
        assertThatCode(() -> repository.deleteArtifactVersion(APP, Version.LATEST)).doesNotThrowAnyException();
        clock.advance(Duration.ofDays(2));
        assertThat(repository.purgeArtifactVersions(APP, 0, Duration.ofDays(1)).keptByAlias()).isEmpty();
    }

    @Test
    void aWeightOfZeroWithASecondaryIsAllowed() {
        Alias alias = repository.putAlias(APP, PROD, Version.of(1), Version.of(2), 0);

        assertThat(alias.secondaryVersionWeight()).as("alias.secondaryVersionWeight()").isZero();
        assertThat(IntStream.range(0, 200).mapToObj(i -> repository.resolve(APP, PROD).version()))
                .containsOnly(Version.of(1));
    }

    // ---- history and revisions (semantics §5)

    @Test
    void everyPutAndDeleteAppendsToTheHistoryNewestFirst() {
        AliasTarget one = AliasTarget.of(Version.of(1));
        AliasTarget two = AliasTarget.of(Version.of(2));
        AliasTarget canary = new AliasTarget(Version.of(2), Optional.of(Version.of(3)), 10);
        Alias first = repository.putAlias(APP, PROD, Version.of(1));
        clock.advance(Duration.ofMinutes(1));
        Alias second = repository.putAlias(APP, PROD, Version.of(2));
        clock.advance(Duration.ofMinutes(1));
        Alias third = repository.putAlias(APP, PROD, Version.of(2), Version.of(3), 10);
        clock.advance(Duration.ofMinutes(1));
        Instant beforeDelete = clock.instant();
        repository.deleteAlias(APP, PROD);
        Instant afterDelete = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        Alias recreated = repository.putAlias(APP, PROD, Version.of(1));

        List<AliasChange> history = repository.getAliasHistory(APP, PROD);

        assertThat(history).hasSize(5);
        assertThat(history).extracting(AliasChange::current).containsExactly(Optional.of(one), Optional.empty(),
                Optional.of(canary), Optional.of(two), Optional.of(one));
        assertThat(history).extracting(AliasChange::previous).containsExactly(Optional.empty(), Optional.of(canary),
                Optional.of(two), Optional.of(one), Optional.empty());
        assertThat(history).extracting(AliasChange::isDelete).containsExactly(false, true, false, false, false);
        assertThat(history).allSatisfy(change -> {
            assertThat(change.name()).as("change.name()").isEqualTo(APP);
            assertThat(change.alias()).as("change.alias()").isEqualTo(PROD);
        });
        assertThat(history).extracting(AliasChange::revision).isSortedAccordingTo((a, b) -> Long.compare(b, a))
                .doesNotHaveDuplicates();
        List<Alias> puts = List.of(recreated, third, second, first);
        List<AliasChange> putChanges = List.of(history.get(0), history.get(2), history.get(3), history.get(4));
        for (int i = 0; i < puts.size(); i++) {
            assertThat(putChanges.get(i).revision()).as("putChanges.get(i).revision()")
                    .isEqualTo(puts.get(i).revision());
            assertThat(putChanges.get(i).time()).as("putChanges.get(i).time()").isEqualTo(puts.get(i).updateAt());
        }
        assertThat(first.revision()).isLessThan(second.revision());
        assertThat(second.revision()).isLessThan(third.revision());
        assertThat(history.get(1).revision()).isGreaterThan(third.revision());
        assertThat(recreated.revision()).isGreaterThan(history.get(1).revision());
        assertThat(history.get(1).time()).as("history.get(1).time()").isBetween(beforeDelete, afterDelete);
    }

    @Test
    void theRevisionIncreasesOnEveryChangeEvenToTheSameTarget() {
        Alias first = repository.putAlias(APP, PROD, Version.of(1));
        Alias same = repository.putAlias(APP, PROD, Version.of(1));

        assertThat(same.revision()).isGreaterThan(first.revision());
        assertThat(repository.getAliasHistory(APP, PROD)).as("repository.getAliasHistory(APP, PROD)").hasSize(2);
    }

    @Test
    void putAliasWithTheExpectedRevisionIsACompareAndSet() {
        Alias created = repository.putAlias(APP, PROD, AliasTarget.of(Version.of(1)), 0);
        assertThat(created.version()).as("created.version()").isEqualTo(Version.of(1));

        Alias moved = repository.putAlias(APP, PROD, AliasTarget.of(Version.of(2)), created.revision());
        assertThat(moved.version()).as("moved.version()").isEqualTo(Version.of(2));
        assertThat(moved.revision()).isGreaterThan(created.revision());
        StoreSnapshot before = snapshot();

        assertThatThrownBy(() -> repository.putAlias(APP, PROD, AliasTarget.of(Version.of(3)), created.revision()),
                "%s must throw %s",
                "repository.putAlias(APP, PROD, AliasTarget.of(Version.of(3)), created.revision())", "ConflictException")
                .isExactlyInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> repository.putAlias(APP, PROD, AliasTarget.of(Version.of(3)), 0),
                "%s must throw %s",
                "repository.putAlias(APP, PROD, AliasTarget.of(Version.of(3)), 0)", "ConflictException")
                .isExactlyInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> repository.putAlias(APP, PROD, AliasTarget.of(Version.of(3)), moved.revision() + 1),
                "%s must throw %s",
                "repository.putAlias(APP, PROD, AliasTarget.of(Version.of(3)), moved.revision() + 1)", "ConflictException")
                .isExactlyInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> repository.putAlias(APP, CANARY, AliasTarget.of(Version.of(3)), 1),
                "%s must throw %s",
                "repository.putAlias(APP, CANARY, AliasTarget.of(Version.of(3)), 1)", "ConflictException")
                .isExactlyInstanceOf(ConflictException.class);

        assertThat(snapshot()).as("snapshot()").isEqualTo(before);
        assertThat(repository.getAlias(APP, PROD)).as("repository.getAlias(APP, PROD)").isEqualTo(moved);

        Alias canary = repository.putAlias(APP, PROD,
                new AliasTarget(Version.of(2), Optional.of(Version.of(3)), 20), moved.revision());
        assertThat(canary.secondaryVersion()).as("canary.secondaryVersion()").contains(Version.of(3));
        assertThat(canary.secondaryVersionWeight()).as("canary.secondaryVersionWeight()").isEqualTo(20);
    }

    @Test
    void anAliasRecreatedAfterADeleteContinuesItsRevisions() {
        Alias first = repository.putAlias(APP, PROD, Version.of(1));
        repository.putAlias(APP, PROD, Version.of(2));
        repository.deleteAlias(APP, PROD);
        long deleteRevision = repository.getAliasHistory(APP, PROD).get(0).revision();

        Alias recreated = repository.putAlias(APP, PROD, AliasTarget.of(Version.of(3)), 0);

        assertThat(recreated.revision()).isGreaterThan(deleteRevision).isGreaterThan(first.revision());
        assertThat(repository.getAliasHistory(APP, PROD)).as("repository.getAliasHistory(APP, PROD)").hasSize(4);
        assertThat(repository.getAliasHistory(APP, PROD).get(0).previous()).isEmpty();
    }

    // ---- routing (semantics §6)

    @Test
    void resolveSendsTheWeightToTheSecondary() {
        repository.putAlias(APP, PROD, Version.of(2), Version.of(3), 10);

        long secondary = IntStream.range(0, RESOLUTIONS)
                .filter(i -> repository.resolve(APP, PROD).version().equals(Version.of(3))).count();

        assertThat(secondary).as("resolutions of %d that went to the secondary", RESOLUTIONS).isBetween(140L, 260L);
    }

    @Test
    void withoutASecondaryEveryResolutionGoesToThePrimary() {
        Alias alias = repository.putAlias(APP, PROD, Version.of(2));
        Artifact two = repository.getArtifactVersion(APP, Version.of(2));

        assertThat(IntStream.range(0, 200).mapToObj(i -> repository.resolve(APP, PROD))).containsOnly(two);
        assertThat(IntStream.range(0, 200).mapToObj(i -> repository.resolve(APP, PROD, "key-" + i)))
                .containsOnly(two);
        assertThat(IntStream.range(0, 1_000).mapToObj(i -> alias.randomArtifact())).containsOnly(two.uri());
        assertThat(IntStream.range(0, 1_000).mapToObj(i -> alias.route("key-" + i))).containsOnly(Version.of(2));
    }

    @Test
    void stickyResolutionFollowsTheRoutingFunction() {
        Alias alias = repository.putAlias(APP, PROD, Version.of(2), Version.of(3), 30);
        List<String> keys = Stream.concat(Stream.of("", " ", "user-\u00e9", "\u7528\u6237", "\ud83d\ude80", "a/b/c"),
                IntStream.range(0, 300).mapToObj(i -> "user-" + i)).toList();

        for (String key : keys) {
            Version expected = Routing.bucket(APP, PROD, key) < 30 ? Version.of(3) : Version.of(2);
            Artifact resolved = repository.resolve(APP, PROD, key);
            assertThat(resolved.version()).as("key '%s'", key).isEqualTo(expected);
            assertThat(repository.resolve(APP, PROD, key)).as("key '%s' again", key).isEqualTo(resolved);
            assertThat(alias.route(key)).as("route('%s')", key).isEqualTo(expected);
        }
        assertThat(keys.stream().map(alias::route)).as("keys.stream().map(alias::route)")
                .contains(Version.of(2), Version.of(3));
    }

    @Test
    void raisingTheWeightOnlyMovesKeysFromThePrimaryToTheSecondary() {
        Alias at10 = repository.putAlias(APP, PROD, Version.of(2), Version.of(3), 10);
        List<String> keys = IntStream.range(0, 1_000).mapToObj(i -> "session-" + i).toList();
        Set<String> onSecondaryAt10 = new HashSet<>(keys.stream()
                .filter(key -> at10.route(key).equals(Version.of(3))).toList());

        Alias at50 = repository.putAlias(APP, PROD, Version.of(2), Version.of(3), 50);
        Set<String> onSecondaryAt50 = new HashSet<>(keys.stream()
                .filter(key -> at50.route(key).equals(Version.of(3))).toList());

        assertThat(onSecondaryAt50).containsAll(onSecondaryAt10);
        assertThat(onSecondaryAt10.size()).as("onSecondaryAt10.size()").isBetween(50, 150);
        assertThat(onSecondaryAt50.size()).as("onSecondaryAt50.size()").isBetween(400, 600);
        for (String key : keys.subList(0, 100)) {
            assertThat(repository.resolve(APP, PROD, key).version()).as(key).isEqualTo(at50.route(key));
        }
    }

    @Test
    void randomArtifactReturnsTheUriOfOneOfTheTwoVersions() {
        Alias alias = repository.putAlias(APP, PROD, Version.of(2), Version.of(3), 50);
        String two = repository.getArtifactVersion(APP, Version.of(2)).uri();
        String three = repository.getArtifactVersion(APP, Version.of(3)).uri();

        List<String> picked = IntStream.range(0, 500).mapToObj(i -> alias.randomArtifact()).toList();

        assertThat(picked).containsOnly(two, three).contains(two, three);
        assertThat(IntStream.range(0, 500).mapToObj(i -> alias.randomVersion()))
                .containsOnly(Version.of(2), Version.of(3));
    }

    @Test
    void routeRefusesANullKey() {
        Alias alias = repository.putAlias(APP, PROD, Version.of(2), Version.of(3), 50);

        assertThatThrownBy(() -> alias.route(null),
                "%s must throw %s", "alias.route(null)", "IllegalArgumentException")
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("routingKey");
    }

    private StoreSnapshot snapshot() {
        return StoreSnapshot.of(ports, List.of(APP, OTHER), List.of(PROD, CANARY));
    }
}
