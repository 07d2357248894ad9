package io.versioned.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every benchmark section in quick (smoke) mode, so a section that no longer works fails the build rather
 * than the next real benchmark run. Only the shape of the report is checked, never a time.
 */
class BenchMainTest {

    @TempDir
    Path scratch;

    @Test
    void everySectionRunsAndReportsATable() {
        String report = BenchMain.report(new BenchSettings(true, scratch, new BenchServers()), "");

        assertThat(BenchMain.sections()).isNotEmpty();
        assertThat(report).contains("| mode | quick");
        for (BenchSection section : BenchMain.sections()) {
            String body = body(report, section.title());
            assertThat(body).as(section.title()).doesNotContain("Not measured").contains("| --- |");
        }
    }

    private static String body(String report, String title) {
        String heading = "\n## " + title + "\n";
        int start = report.indexOf(heading);
        assertThat(start).as("the report has a section '%s'", title).isNotNegative();
        int end = report.indexOf("\n## ", start + heading.length());
        return report.substring(start + heading.length(), end < 0 ? report.length() : end);
    }
}
