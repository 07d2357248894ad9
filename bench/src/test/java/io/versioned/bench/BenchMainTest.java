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
        BenchSettings settings = new BenchSettings(true, scratch, new BenchServers());
        String report = BenchMain.report(settings, "");

        assertThat(BenchMain.sections()).isNotEmpty();
        assertThat(report).contains("| mode | quick");
        for (BenchSection section : BenchMain.sections()) {
            String body = body(report, section.title());
            assertThat(body).as(section.title()).doesNotContain("Not measured").contains("| --- |");
        }
        assertThat(body(report, "Targets")).contains("| target | goal | measured | met |");
        assertThat(settings.targets().valueOf(Targets.Target.RESOLVE_REQUESTS))
                .as("requests of resolve on S3 + DynamoDB").isEqualTo(1.0);
        assertThat(settings.targets().valueOf(Targets.Target.PUBLISH_SCALE_IN_MEMORY)).isNotNull();
        assertThat(settings.targets().valueOf(Targets.Target.RESOLVE_READ_S3_DYNAMODB)).isNotNull();
    }

    private static String body(String report, String title) {
        String heading = "\n## " + title + "\n";
        int start = report.indexOf(heading);
        assertThat(start).as("the report has a section '%s'", title).isNotNegative();
        int end = report.indexOf("\n## ", start + heading.length());
        return report.substring(start + heading.length(), end < 0 ? report.length() : end);
    }
}
