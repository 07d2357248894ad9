package io.versioned.testsupport;

import java.net.URI;
import software.amazon.awssdk.regions.Region;

/**
 * The default {@link AwsTestServers}: {@link S3ProxyServer#shared()} for S3 and {@link DynaliteServer#shared()} for
 * DynamoDB, each started on first use. dynalite accepts any credentials, so s3proxy's serve both.
 */
final class LocalAwsServers implements AwsTestServers {

    private static final LocalAwsServers SHARED = new LocalAwsServers();

    private LocalAwsServers() {
    }

    static LocalAwsServers shared() {
        return SHARED;
    }

    @Override
    public URI s3Endpoint() {
        return S3ProxyServer.shared().endpoint();
    }

    @Override
    public URI dynamoDbEndpoint() {
        return DynaliteServer.shared().endpoint();
    }

    @Override
    public Region region() {
        return S3ProxyServer.REGION;
    }

    @Override
    public String accessKey() {
        return S3ProxyServer.ACCESS_KEY;
    }

    @Override
    public String secretKey() {
        return S3ProxyServer.SECRET_KEY;
    }

    @Override
    public String describe() {
        return "s3proxy + dynalite";
    }
}
