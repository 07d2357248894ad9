package io.versioned.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetsTest {

    @Test
    void aTargetIsMetAtItsBoundAndNotBeyondIt() {
        assertThat(Targets.Target.RESOLVE_READ_S3_DYNAMODB.metBy(1.3)).isTrue();
        assertThat(Targets.Target.RESOLVE_READ_S3_DYNAMODB.metBy(1.31)).isFalse();
        assertThat(Targets.Target.CONTENTION_S3_ONLY.metBy(0.7)).isTrue();
        assertThat(Targets.Target.CONTENTION_S3_ONLY.metBy(0.69)).isFalse();
    }

    @Test
    void theTableListsEveryTargetMeasuredOrNot() {
        Targets targets = new Targets();
        targets.measured(Targets.Target.RESOLVE_REQUESTS, 1);
        targets.measured(Targets.Target.PUBLISH_REQUESTS, 5);

        String table = targets.table();

        assertThat(table.lines()).hasSize(2 + Targets.Target.values().length);
        assertThat(table).contains("| S3 + DynamoDB: requests of resolve (Requests) | ≤ 1 requests | 1 requests | ✓ met |")
                .contains("| S3 + DynamoDB: requests of publish (Requests) | ≤ 4 requests | 5 requests | ✗ not met |")
                .contains("| S3-only: resolve, larger ÷ smaller artifact (Scale) | ≤ 1.30× | not measured in this run "
                        + "| — |");
    }
}
