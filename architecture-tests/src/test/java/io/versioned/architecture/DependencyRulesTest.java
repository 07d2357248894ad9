package io.versioned.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.versioned.core.Versioned;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/architecture.md ("Dependency rules"), checked on the compiled main classes of every module on this test's
 * class path (the project's modules are its dependencies).
 */
class DependencyRulesTest {

    private static final String[] STORAGE_TECHNOLOGY = {
        "software.amazon..", "java.sql..", "javax.sql..", "org.jdbi..", "org.h2..", "org.postgresql..",
        "com.zaxxer..", "org.gaul..", "picocli.."
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.versioned");
    }

    @Test
    void everyModuleIsImported() {
        assertThat(classes.containPackage("io.versioned.api")).isTrue();
        assertThat(classes.containPackage("io.versioned.core")).isTrue();
        assertThat(classes.containPackage("io.versioned.core.port")).isTrue();
        assertThat(classes.containPackage("io.versioned.adapter.inmemory")).isTrue();
        assertThat(classes.containPackage("io.versioned.adapter.s3")).isTrue();
        assertThat(classes.containPackage("io.versioned.adapter.dynamodb")).isTrue();
        assertThat(classes.containPackage("io.versioned.adapter.s3only")).isTrue();
        assertThat(classes.containPackage("io.versioned.adapter.filesystem")).isTrue();
        assertThat(classes.containPackage("io.versioned.adapter.jdbc")).isTrue();
        assertThat(classes.containPackage("io.versioned.core.spi")).isTrue();
        assertThat(classes.containPackage("io.versioned.cli")).isTrue();
        assertThat(classes.containPackage("io.versioned.cache")).isTrue();
        assertThat(classes.containPackage("io.versioned.server")).isTrue();
        assertThat(classes.containPackage("io.versioned.micrometer")).isTrue();
        assertThat(classes.containPackage("io.versioned.junit")).isTrue();
        assertThat(classes.containPackage("io.versioned.spring")).isTrue();
    }

    @Test
    void theApiDependsOnTheJdkOnly() {
        classes().that().resideInAPackage("io.versioned.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.versioned.api..", "java..")
                .check(classes);
    }

    @Test
    void theCoreDependsOnTheApiGuiceAndSlf4jOnly() {
        classes().that().resideInAPackage("io.versioned.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.versioned.api..", "io.versioned.core..",
                        "com.google.inject..", "jakarta.inject..", "org.slf4j..", "java..")
                .check(classes);
    }

    @Test
    void theCacheWorksOnThePublicApiAndTheCoreOnly() {
        classes().that().resideInAPackage("io.versioned.cache..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.versioned.api..", "io.versioned.core..",
                        "io.versioned.cache..", "org.slf4j..", "java..")
                .check(classes);
    }

    @Test
    void theServerWorksOnThePublicApiAndTheCoreOnly() {
        classes().that().resideInAPackage("io.versioned.server..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.versioned.api..", "io.versioned.core",
                        "io.versioned.core.spi", "io.versioned.server..", "io.javalin..", "jakarta.servlet..",
                        "tools.jackson..", "org.slf4j..", "kotlin..", "java..")
                .check(classes);
    }

    @Test
    void theMetricsWorkOnThePublicApiMicrometerAndTheCacheOnly() {
        classes().that().resideInAPackage("io.versioned.micrometer..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.versioned.api..",
                        "io.versioned.micrometer..", "io.versioned.cache..", "io.micrometer..", "java..")
                .check(classes);
    }

    @Test
    void theJunitExtensionOpensTheInMemoryBackendThroughTheCoreOnly() {
        classes().that().resideInAPackage("io.versioned.junit..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.versioned.api..", "io.versioned.core",
                        "io.versioned.core.spi..", "io.versioned.junit..", "org.junit..", "java..")
                .check(classes);
    }

    @Test
    void theStarterComposesTheCoreTheCacheAndTheMetricsAndNoBackend() {
        classes().that().resideInAPackage("io.versioned.spring..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.versioned.api..", "io.versioned.core",
                        "io.versioned.core.spi..", "io.versioned.cache..", "io.versioned.micrometer..",
                        "io.versioned.spring..", "io.micrometer..", "org.springframework..", "org.slf4j..",
                        "java..")
                .check(classes);
    }

    @Test
    void nothingDependsOnTheEcosystemModules() {
        noClasses().that().resideOutsideOfPackages("io.versioned.spring..", "io.versioned.micrometer..",
                        "io.versioned.junit..")
                .should().dependOnClassesThat().resideInAnyPackage("io.versioned.spring..",
                        "io.versioned.micrometer..", "io.versioned.junit..", "io.micrometer..",
                        "org.springframework..", "org.junit..")
                .check(classes);
    }

    @Test
    void theCoreNeverDependsOnAnAdapterOrAStorageTechnology() {
        noClasses().that().resideInAPackage("io.versioned.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.versioned.adapter..")
                .orShould().dependOnClassesThat().resideInAnyPackage(STORAGE_TECHNOLOGY)
                .check(classes);
    }

    @Test
    void adaptersNeverDependOnEachOther() {
        slices().matching("io.versioned.adapter.(*)..").should().notDependOnEachOther().check(classes);
    }

    @Test
    void theCliReachesBackendsOnlyThroughTheProviders() {
        noClasses().that().resideInAPackage("io.versioned.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("io.versioned.adapter..", "io.versioned.embedded..",
                        "io.versioned.aws..")
                .check(classes);
    }

    @Test
    void everyBuiltInBackendRegistersItsProvider() {
        assertThat(Versioned.schemes()).containsExactly("embedded", "jdbc", "memory", "s3", "s3+dynamodb");
    }

    @Test
    void adaptersUseTheCoreOnlyThroughItsPortsAndModule() {
        noClasses().that().resideInAPackage("io.versioned.adapter..")
                .should().dependOnClassesThat().resideInAPackage("io.versioned.core")
                .check(classes);
    }
}
