package io.versioned.testsupport;

import java.net.URI;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Where the S3 and DynamoDB servers of the tests run, so that one test class runs against any of them. The system
 * property {@value #PROPERTY} chooses: {@code local} (the default: s3proxy in the test JVM and dynalite as a child
 * process, as everywhere in {@code mvn -B verify}) or {@code localstack} (one LocalStack container through
 * Testcontainers, for the {@code localstack} Maven profile; needs Docker and the Testcontainers LocalStack module on
 * the test class path). See docs/testing.md.
 *
 * <p>Both servers accept the same static credentials ({@link #accessKey()}, {@link #secretKey()}) in
 * {@link #region()}, and S3 with path-style addressing.
 */
public interface AwsTestServers {

    /** The system property that chooses the servers: {@code local} or {@code localstack}. */
    String PROPERTY = "versioned.test.servers";

    /** @return the S3 endpoint, e.g. {@code http://127.0.0.1:PORT} */
    URI s3Endpoint();

    /** @return the DynamoDB endpoint (LocalStack's is the S3 one) */
    URI dynamoDbEndpoint();

    /** @return the region both servers answer in */
    Region region();

    /** @return the access key both servers accept */
    String accessKey();

    /** @return the secret key both servers accept */
    String secretKey();

    /** @return a short name for messages, e.g. {@code s3proxy + dynalite} */
    String describe();

    /** @return static credentials of {@link #accessKey()} and {@link #secretKey()} */
    default StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey(), secretKey()));
    }

    /** @return an S3 client builder for the server: endpoint, path-style addressing, region, credentials */
    default S3ClientBuilder s3ClientBuilder() {
        return S3Client.builder().endpointOverride(s3Endpoint()).forcePathStyle(true).region(region())
                .credentialsProvider(credentials());
    }

    /** @return a DynamoDB client builder for the server: endpoint, region, credentials */
    default DynamoDbClientBuilder dynamoDbClientBuilder() {
        return DynamoDbClient.builder().endpointOverride(dynamoDbEndpoint()).region(region())
                .credentialsProvider(credentials());
    }

    /**
     * The servers {@value #PROPERTY} names, started on first use and shared by the test JVM.
     *
     * @return the servers
     * @throws IllegalArgumentException if the property names neither {@code local} nor {@code localstack}
     */
    static AwsTestServers selected() {
        String name = System.getProperty(PROPERTY, "local").strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "local" -> LocalAwsServers.shared();
            case "localstack" -> LocalStackServers.shared();
            default -> throw new IllegalArgumentException(PROPERTY + ": '" + name
                    + "' is not one of local, localstack");
        };
    }
}
