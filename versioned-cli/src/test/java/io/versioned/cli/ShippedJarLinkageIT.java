package io.versioned.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The dependency check of the build: every class that this project's code in the shaded jar refers to is in the
 * jar or in the JDK. A library that the CLI's pom scoped away (for instance to {@code test}) while a module the
 * CLI ships needs it at run time is missing from the jar, and this fails naming the classes that refer to it.
 * Libraries reached only by reflection or service loading (JDBC drivers, the HTTP client of the AWS SDK, the
 * SLF4J provider) are checked by {@link ShippedJarIT}, which runs the jar on every backend.
 */
class ShippedJarLinkageIT {

    private static final Path JAR = Path.of(System.getProperty("versioned.jar", "target/versioned-cli.jar"))
            .toAbsolutePath().normalize();
    private static final String OWN_PACKAGE = "io/versioned/";

    @Test
    void everyClassTheProjectsCodeRefersToIsInTheJarOrTheJdk() throws IOException {
        Set<String> jarClasses;
        JavaClasses own;
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        try (JarFile jar = new JarFile(JAR.toFile())) {
            jarClasses = jar.stream().map(JarEntry::getName).filter(name -> name.endsWith(".class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .collect(Collectors.toSet());
            own = new ClassFileImporter().withImportOption(location -> location.contains(OWN_PACKAGE))
                    .importJar(jar);
        }
        Set<String> jdkPackages = ModuleFinder.ofSystem().findAll().stream().map(ModuleReference::descriptor)
                .map(ModuleDescriptor::packages).flatMap(Set::stream).collect(Collectors.toSet());

        assertThat(own.size()).as("classes of io.versioned in %s", JAR).isGreaterThan(100);
        Set<String> missing = new TreeSet<>();
        for (JavaClass javaClass : own) {
            for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass().getBaseComponentType();
                if (!target.isPrimitive() && !jarClasses.contains(target.getName())
                        && !jdkPackages.contains(target.getPackageName())) {
                    missing.add(target.getName() + " (used by " + javaClass.getName() + ")");
                }
            }
        }
        assertThat(missing).as("classes referred to by the project's code but missing from %s", JAR).isEmpty();
    }
}
