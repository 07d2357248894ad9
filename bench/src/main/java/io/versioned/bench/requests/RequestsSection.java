package io.versioned.bench.requests;

import io.versioned.bench.BenchSection;
import io.versioned.bench.BenchSettings;
import io.versioned.bench.Targets;
import io.versioned.bench.MarkdownTable;
import java.util.Map;

/**
 * The section "Requests per operation": the HTTP requests each public operation sends on S3 + DynamoDB and on
 * S3-only, counted at the SDK, beside the Python library's counts. Counts do not depend on timing, so the quick run
 * measures exactly what the full run does.
 */
public final class RequestsSection implements BenchSection {

    @Override
    public String title() {
        return "Requests per operation";
    }

    /**
     * Counts the requests on both backends and returns the description and the table.
     *
     * @throws Exception if a server or an operation fails
     */
    @Override
    public String run(BenchSettings settings) throws Exception {
        Map<CountedOperation, RequestCount> aws;
        try (CountedBackend backend = CountedBackend.s3AndDynamoDb(settings.servers())) {
            aws = new RequestScript(backend).measureEveryOperation();
        }
        Map<CountedOperation, RequestCount> s3Only;
        try (CountedBackend backend = CountedBackend.s3Only(settings.servers())) {
            s3Only = new RequestScript(backend).measureEveryOperation();
        }
        Targets targets = settings.targets();
        targets.measured(Targets.Target.RESOLVE_REQUESTS, aws.get(CountedOperation.RESOLVE).total());
        targets.measured(Targets.Target.PUT_ALIAS_SWITCH_REQUESTS,
                aws.get(CountedOperation.PUT_ALIAS_SWITCH).total());
        targets.measured(Targets.Target.PUT_ALIAS_NEW_REQUESTS, aws.get(CountedOperation.PUT_ALIAS_NEW).total());
        targets.measured(Targets.Target.PUT_ALIAS_CANARY_REQUESTS,
                aws.get(CountedOperation.PUT_ALIAS_CANARY).total());
        targets.measured(Targets.Target.PUBLISH_REQUESTS, aws.get(CountedOperation.PUBLISH).total());
        return description() + "\n\n" + table(aws, s3Only);
    }

    private static String description() {
        return "HTTP requests sent by each operation, counted at the AWS SDK by an `ExecutionInterceptor` "
                + "(`RequestCounter`, one per transmission, so an SDK retry would count) on the clients of the "
                + "repository's own ports, on the local servers, after a warm-up (two versions, an alias, a read), "
                + "one uncontended call each with content of a few bytes. The counts are deterministic, so one "
                + "measurement after the warm-up is enough (the quick run gives the same numbers). The S3 port is "
                + "given the features AWS S3 has (conditional CopyObject), so the counts are what AWS would receive; "
                + "the fallback row is a port that probed s3proxy and found none. A purge is measured on one and on "
                + "two purgeable versions; the difference is the cost per purged version. The baseline is the Python "
                + "library `versioned` 1.0.x on the same layouts: on S3 + DynamoDB its column of "
                + "`docs/round-trips.md`, on S3 alone its `s3_only_backend` as read from its source "
                + "(`docs/s3-only.md`); \"—\" where it has no such operation. It writes without conditions and keeps "
                + "no history, pins or version counter, hence fewer requests on the writes; `docs/round-trips.md` "
                + "and `docs/s3-only.md` explain every request.";
    }

    private static String table(Map<CountedOperation, RequestCount> aws, Map<CountedOperation, RequestCount> s3Only) {
        MarkdownTable table = new MarkdownTable("operation", "S3 + DynamoDB: S3", "DynamoDB", "total",
                "Python 1.0.x, S3 + DynamoDB", "S3-only: S3", "Python 1.0.x, S3-only");
        for (CountedOperation operation : CountedOperation.values()) {
            RequestCount onAws = aws.get(operation);
            table.row(operation.label(), onAws.s3(), onAws.dynamoDb(), onAws.total(), operation.pythonS3AndDynamoDb(),
                    s3Only.get(operation).total(), operation.pythonS3Only());
        }
        return table.toString();
    }
}
