package io.versioned.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the tour of {@code docs/cli.md} ("A tour on the embedded default") as a reader would: every {@code $ }
 * line of its console blocks, in order, with bash, in one empty folder, through the shaded jar; and compares what
 * each command prints (standard output, then standard error) with the lines the doc shows under it.
 *
 * <p>What differs from run to run is compared as a placeholder: relative times ({@code just now}, {@code 35 seconds
 * ago}), ISO-8601 times and the folder in {@code file://} URIs; runs of spaces count as one, so table columns may
 * be wider or narrower. A command the doc shows no output for must succeed; one whose shown output is an error line
 * must fail; the others must exit 0.
 */
class DocsTourIT {

    private static final Path DOC = Path.of("..", "docs", "cli.md");
    private static final String START = "## A tour on the embedded default";
    private static final String END = "## Repositories";

    private static final Pattern AGO = Pattern.compile(
            "just now|\\b\\d+ (?:second|minute|hour|day|week|month|year)s? ago");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?Z");
    private static final Pattern FOLDER = Pattern.compile("file://\\S*?/\\.versioned/");
    private static final Pattern ERROR = Pattern.compile("^versioned(?: [a-z-]+)*: .*");

    @TempDir
    Path folder;

    @TempDir
    Path bin;

    /** One {@code $ } line of the doc and the lines shown under it. */
    private record Step(String command, List<String> shown) {
    }

    @Test
    void theTourRunsAsWritten() throws Exception {
        List<Step> steps = steps(Files.readString(DOC, StandardCharsets.UTF_8));
        assertThat(steps).as("the tour's commands").hasSizeGreaterThan(30);
        JarCli cli = new JarCli(folder, bin);

        for (Step step : steps) {
            JarCli.Run run = cli.shell(step.command());
            String description = "$ " + step.command() + "\n" + run;
            boolean error = !step.shown().isEmpty() && ERROR.matcher(step.shown().get(0)).matches();
            if (error) {
                assertThat(run.exitCode()).as(description).isNotZero();
            } else {
                assertThat(run.exitCode()).as(description).isZero();
            }
            if (!step.shown().isEmpty()) {
                assertThat(normalized((run.out() + run.err()).lines().toList())).as(description)
                        .isEqualTo(normalized(step.shown()));
            }
        }
    }

    /** The commands of the tour's console blocks with the lines shown under each. */
    private static List<Step> steps(String doc) {
        int start = doc.indexOf(START);
        assertThat(start).as("docs/cli.md has '%s'", START).isNotNegative();
        String tour = doc.substring(start, doc.indexOf(END, start));
        List<Step> steps = new ArrayList<>();
        boolean inBlock = false;
        String command = null;
        List<String> shown = new ArrayList<>();
        for (String line : tour.lines().toList()) {
            if (!inBlock) {
                inBlock = line.equals("```console");
                continue;
            }
            if (line.equals("```") || line.startsWith("$ ")) {
                if (command != null) {
                    steps.add(new Step(command, trimmed(shown)));
                }
                command = line.startsWith("$ ") ? line.substring(2) : null;
                shown = new ArrayList<>();
                inBlock = !line.equals("```");
            } else if (command != null) {
                shown.add(line);
            }
        }
        return steps;
    }

    private static List<String> trimmed(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        while (!copy.isEmpty() && copy.get(copy.size() - 1).isBlank()) {
            copy.remove(copy.size() - 1);
        }
        return copy;
    }

    /** The lines with placeholders for what changes from run to run, and single spaces. */
    private static List<String> normalized(List<String> lines) {
        return trimmed(lines).stream()
                .map(line -> TIME.matcher(line).replaceAll("<time>"))
                .map(line -> AGO.matcher(line).replaceAll("<ago>"))
                .map(line -> FOLDER.matcher(line).replaceAll("file://<folder>/.versioned/"))
                .map(line -> line.strip().replaceAll("\\s+", " "))
                .toList();
    }
}
