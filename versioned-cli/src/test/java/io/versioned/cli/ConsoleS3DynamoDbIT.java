package io.versioned.cli;

import io.versioned.testsupport.DynaliteServer;
import io.versioned.testsupport.S3ProxyServer;
import java.nio.file.Path;
import java.util.UUID;

/** The web console in a real headless Chromium, on S3 + DynamoDB (s3proxy and dynalite). */
class ConsoleS3DynamoDbIT extends ConsoleChecks {

    @Override
    String repositoryUri(Path dir) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return "s3+dynamodb://console-" + suffix + "/repo?table=console-" + suffix + "&endpoint="
                + S3ProxyServer.shared().endpoint() + "&dynamodb-endpoint=" + DynaliteServer.shared().endpoint();
    }

    @Override
    String backend() {
        return "s3-dynamodb";
    }
}
