package io.versioned.cli;

import io.versioned.testsupport.DynaliteServer;
import io.versioned.testsupport.S3ProxyServer;
import java.nio.file.Path;
import java.util.UUID;

/** The HTTP API on S3 + DynamoDB (s3proxy and dynalite), served by the shaded jar. */
class ServeS3DynamoDbIT extends ServeApiChecks {

    @Override
    String repositoryUri(Path dir) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return "s3+dynamodb://serve-" + suffix + "/repo?table=serve-" + suffix + "&endpoint="
                + S3ProxyServer.shared().endpoint() + "&dynamodb-endpoint=" + DynaliteServer.shared().endpoint();
    }
}
