package io.versioned.testsupport;

import java.net.URI;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.regions.Region;

/**
 * {@link AwsTestServers} in one LocalStack container (S3 and DynamoDB on one port), started through Testcontainers on
 * first use and stopped by Testcontainers when the JVM exits. Needs a Docker engine. The image is
 * {@value #DEFAULT_IMAGE} unless the system property {@value #IMAGE_PROPERTY} names another; an environment variable
 * {@code LOCALSTACK_AUTH_TOKEN} is handed to the container (images that need one).
 */
final class LocalStackServers implements AwsTestServers {

    /** The system property naming another LocalStack image. */
    static final String IMAGE_PROPERTY = "versioned.localstack.image";
    /** The image the profile was written against. */
    static final String DEFAULT_IMAGE = "localstack/localstack:4.4";

    private static LocalStackServers shared;

    private final LocalStackContainer container;

    private LocalStackServers(LocalStackContainer container) {
        this.container = container;
    }

    static synchronized LocalStackServers shared() {
        if (shared == null) {
            LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(
                    System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE)).asCompatibleSubstituteFor("localstack/localstack"))
                    .withServices("s3", "dynamodb");
            String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
            if (token != null && !token.isBlank()) {
                container.withEnv("LOCALSTACK_AUTH_TOKEN", token);
            }
            container.start();
            shared = new LocalStackServers(container);
        }
        return shared;
    }

    @Override
    public URI s3Endpoint() {
        return container.getEndpoint();
    }

    @Override
    public URI dynamoDbEndpoint() {
        return container.getEndpoint();
    }

    @Override
    public Region region() {
        return Region.of(container.getRegion());
    }

    @Override
    public String accessKey() {
        return container.getAccessKey();
    }

    @Override
    public String secretKey() {
        return container.getSecretKey();
    }

    @Override
    public String describe() {
        return "LocalStack " + container.getDockerImageName();
    }
}
