package io.versioned.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.versioned.api.Artifact;
import io.versioned.api.ReadableRepository;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineTestKit;

@VersionedTest
@Preload(name = "model", resource = "artifacts/model-v1.bin", alias = "production")
class VersionedExtensionTest {

    @InMemory
    Repository repository;

    @InMemory
    TestClock clock;

    @Test
    void theClassPreloadIsPublishedAndAliased() {
        assertThat(repository.getAlias("model", "production").version()).isEqualTo(Version.of(1));
        assertThat(text(repository.getContent("model", Version.of(1)))).isEqualTo("weights v1\n");
    }

    @Test
    @Preload(name = "model", resource = "/artifacts/model-v2.bin", publish = true)
    @Preload(name = "config", resource = "artifacts/config.json", contentType = "application/json")
    void methodPreloadsComeAfterTheClassOnesInTheOrderWritten() {
        assertThat(repository.getLatestPublishedVersionNumber("model")).isEqualTo(2);
        assertThat(repository.getAlias("model", "production").version()).isEqualTo(Version.of(1));
        assertThat(text(repository.getContent("model", Version.of(2)))).isEqualTo("weights v2\n");
        Artifact config = repository.getArtifactVersion("config");
        assertThat(config.contentType()).isEqualTo("application/json");
        assertThat(repository.getLatestPublishedVersionNumber("config")).isZero();
    }

    @Test
    void parametersAndFieldsAreTheSameRepositoryAndClock(Repository parameter, ReadableRepository reader,
                                                         TestClock clockParameter) {
        assertThat(parameter).isSameAs(repository).isSameAs(reader);
        assertThat(clockParameter).isSameAs(clock);
    }

    @Test
    void theRepositoryReadsItsTimeFromTheTestClock() {
        clock.advance(Duration.ofDays(3));
        Artifact put = repository.putArtifact("report", "x".getBytes(StandardCharsets.UTF_8));

        assertThat(put.updateAt()).isEqualTo(TestClock.START.plus(Duration.ofDays(3)));
    }

    @Test
    void everyTestGetsAFreshRepositoryAndClock() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(FreshPerTestSample.class)).execute()
                .testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(FreshPerTestSample.seen).hasSize(2);
        assertThat(FreshPerTestSample.seen.get(0)).isNotSameAs(FreshPerTestSample.seen.get(1));
    }

    @Test
    void aMissingResourceFailsTheTestNamingThePreload() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(MissingResourceSample.class)).execute()
                .testEvents().assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(
                        instanceOf(ExtensionConfigurationException.class),
                        message(text -> text.contains("@Preload(name=\"model\", resource=\"nowhere.bin\")")
                                && text.contains("not on the test class path")))));
    }

    @Test
    void anAliasTheRepositoryRefusesFailsTheTestNamingThePreload() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(BadAliasSample.class)).execute()
                .testEvents().assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(
                        instanceOf(ExtensionConfigurationException.class),
                        message(text -> text.contains("@Preload(name=\"model\"") && text.contains("alias")))));
    }

    @Test
    void aRepositoryParameterOutsideATestIsRefused() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(BeforeAllParameterSample.class)).execute()
                .containerEvents().assertThatEvents().haveAtLeastOne(event(finishedWithFailure(
                        instanceOf(ParameterResolutionException.class),
                        message(text -> text.contains("for each test")))));
    }

    @Nested
    class InANestedClass {

        @Test
        void theOuterFieldsAndPreloadsApply() {
            assertThat(repository.getAlias("model", "production").version()).isEqualTo(Version.of(1));
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @VersionedTest
    static class FreshPerTestSample {

        static final List<Repository> seen = new ArrayList<>();

        @Test
        void first(Repository repository, TestClock clock) {
            check(repository, clock);
        }

        @Test
        void second(Repository repository, TestClock clock) {
            check(repository, clock);
        }

        private static void check(Repository repository, TestClock clock) {
            assertThat(repository.listArtifactNames()).isEmpty();
            assertThat(clock.instant()).isEqualTo(TestClock.START);
            repository.putArtifact("left-behind", new byte[] {1});
            clock.advance(Duration.ofHours(1));
            seen.add(repository);
        }
    }

    @VersionedTest
    @Preload(name = "model", resource = "nowhere.bin")
    static class MissingResourceSample {

        @Test
        void test() {
        }
    }

    @VersionedTest
    @Preload(name = "model", resource = "artifacts/model-v1.bin", alias = "LATEST")
    static class BadAliasSample {

        @Test
        void test() {
        }
    }

    @VersionedTest
    static class BeforeAllParameterSample {

        @BeforeAll
        static void before(Repository repository) {
        }

        @Test
        void test() {
        }
    }
}
