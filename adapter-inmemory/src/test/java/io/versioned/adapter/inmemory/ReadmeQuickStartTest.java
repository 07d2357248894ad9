package io.versioned.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the README's Java quick start as printed (its imports included) against this module's class path, runs
 * it, and checks that it prints what the README says it prints.
 */
class ReadmeQuickStartTest {

    private static final Path README = Path.of("..", "README.md");
    private static final String SECTION = "## Java quick start";
    private static final String PRINTED = "production is at revision 3; user-4711 gets version 2: day 2";

    @TempDir
    Path classes;

    @Test
    void theQuickStartCompilesAsPrintedAndRuns() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String block = quickStart(readme);
        assertThat(block).startsWith("import ").contains("public class QuickStart");
        assertThat(readme).contains("It prints `" + PRINTED + "`.");

        Path source = Files.writeString(Files.createDirectories(classes.resolve("src")).resolve("QuickStart.java"),
                block);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = javac.getTask(diagnostics, null, null, List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path")), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(source)).call();
        assertThat(compiled).as("the README's block compiles:%n%s", diagnostics).isTrue();

        assertThat(run()).isEqualTo(PRINTED + System.lineSeparator());
    }

    /** The first {@code java} block after the quick start heading. */
    private static String quickStart(String readme) {
        int section = readme.indexOf(SECTION);
        assertThat(section).as("the README has a section '%s'", SECTION).isNotNegative();
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    /** What {@code QuickStart.main} prints on standard output. */
    private String run() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            Method main = loader.loadClass("QuickStart").getMethod("main", String[].class);
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
