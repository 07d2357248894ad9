package io.versioned.bench.streaming;

import io.versioned.adapter.s3.S3BlobConfig;
import io.versioned.api.Repository;
import io.versioned.aws.AwsRepositoryConfig;
import io.versioned.aws.VersionedAws;
import io.versioned.testsupport.S3ProxyServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 + DynamoDB backend ({@link VersionedAws#repository(AwsRepositoryConfig)}) on the servers of the plan, shared
 * with the Python library (the default) or not ({@link AwsRepositoryConfig#sharedWithPython()}: no copy of LATEST to
 * {@code {name}/LATEST}; under a prefix of its own in the same bucket); its
 * baselines are a raw SDK multipart upload with the library's part size and parallelism ({@link RawMultipartUpload})
 * into a bucket of its own, and one GetObject of the library's stored object written to a file, both through an
 * {@link S3Client} with the library's HTTP client (Apache 5).
 */
final class AwsBackend implements Backend {

    /** The backend's name in the report. */
    static final String NAME = "S3 + DynamoDB";

    /** The name in the report of the backend not shared with the Python library. */
    static final String NAME_NOT_SHARED = "S3 + DynamoDB, not shared with Python";

    private static final String NOT_SHARED_PREFIX = "not-shared-with-python";

    private static final double MIB = 1024.0 * 1024;

    private final AwsRepositoryConfig config;
    private final Repository repository;
    private final S3Client s3;
    /** Where in the raw bucket {@link #putParts} copies the stored object to. */
    private static final String COPY_PREFIX = "copy-of-";

    private final String rawBucket;
    private final RawMultipartUpload upload;
    private final S3BlobConfig blobConfig;

    private AwsBackend(AwsRepositoryConfig config, Repository repository, S3Client s3, String rawBucket) {
        this.config = config;
        this.repository = repository;
        this.s3 = s3;
        this.rawBucket = rawBucket;
        this.blobConfig = config.s3BlobConfig();
        this.upload = new RawMultipartUpload(s3, blobConfig.partSize(), blobConfig.uploadParallelism());
    }

    /**
     * The repository on the plan's bucket and table (bootstrapped) and the raw client with its bucket (created unless
     * it exists).
     *
     * @param sharedWithPython the repository's {@link AwsRepositoryConfig#sharedWithPython()}
     */
    static AwsBackend open(StreamingPlan plan, boolean sharedWithPython) {
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY));
        AwsRepositoryConfig config = AwsRepositoryConfig.builder()
                .region(S3ProxyServer.REGION)
                .bucket(plan.bucket())
                .table(plan.table())
                .pathStyle(true)
                .credentialsProvider(credentials)
                .s3Endpoint(plan.s3Endpoint())
                .dynamoDbEndpoint(plan.dynamoDb())
                .sharedWithPython(sharedWithPython)
                .prefix(sharedWithPython ? AwsRepositoryConfig.DEFAULT_PREFIX : NOT_SHARED_PREFIX)
                .build();
        Repository repository = VersionedAws.repository(config);
        S3Client s3 = null;
        try {
            repository.bootstrap();
            s3 = S3Client.builder()
                    .endpointOverride(plan.s3Endpoint())
                    .forcePathStyle(true)
                    .region(S3ProxyServer.REGION)
                    .credentialsProvider(credentials)
                    .httpClientBuilder(Apache5HttpClient.builder())
                    .build();
            if (s3.listBuckets().buckets().stream().noneMatch(bucket -> bucket.name().equals(plan.rawBucket()))) {
                s3.createBucket(b -> b.bucket(plan.rawBucket()));
            }
            return new AwsBackend(config, repository, s3, plan.rawBucket());
        } catch (RuntimeException e) {
            repository.close();
            if (s3 != null) {
                s3.close();
            }
            throw e;
        }
    }

    @Override
    public String name() {
        return config.sharedWithPython() ? NAME : NAME_NOT_SHARED;
    }

    @Override
    public Repository repository() {
        return repository;
    }

    @Override
    public String baselinePutCall() {
        return String.format(Locale.ROOT, "baseline: SDK multipart upload (%.0f MiB parts, %d at once)",
                blobConfig.partSize() / MIB, blobConfig.uploadParallelism());
    }

    @Override
    public String baselineGetCall() {
        return "baseline: SDK GetObject to a file";
    }

    @Override
    public void baselinePut(String name, Path file) throws Exception {
        upload.upload(rawBucket, name, file);
    }

    @Override
    public void deleteBaseline(String name) {
        s3.deleteObject(b -> b.bucket(rawBucket).key(name));
        s3.deleteObject(b -> b.bucket(rawBucket).key(COPY_PREFIX + name));
    }

    /**
     * The CopyObject that a put of new content on this layout makes of the stored bytes to {@code {name}/LATEST}, for
     * the Python library, here to a key of the raw bucket; none when the repository is not shared with it.
     */
    @Override
    public List<Part> putParts(String name, long size) {
        if (!config.sharedWithPython()) {
            return List.of();
        }
        String key = storedKey(name, size);
        return List.of(new Part("SDK CopyObject of the stored object, as the put's copy to {name}/LATEST for the"
                + " Python library", () -> s3.copyObject(b -> b.sourceBucket(config.bucket()).sourceKey(key)
                        .destinationBucket(rawBucket).destinationKey(COPY_PREFIX + name))));
    }

    /** The key of the bytes the library stored as the LATEST of {@code name} ({@code size} bytes). */
    private String storedKey(String name, long size) {
        String prefix = (config.prefix().isEmpty() ? "" : config.prefix() + "/") + name + "/";
        List<S3Object> candidates = s3.listObjectsV2Paginator(b -> b.bucket(config.bucket()).prefix(prefix))
                .contents().stream()
                .filter(object -> object.size() == size)
                .filter(object -> !object.key().equals(prefix + "LATEST")) // the copy kept for the Python library
                .toList();
        if (candidates.size() != 1) {
            throw new IllegalStateException("expected one object of " + size + " bytes under " + prefix
                    + " in bucket " + config.bucket() + ", found " + candidates);
        }
        return candidates.get(0).key();
    }

    @Override
    public Callable<Path> baselineGet(String name, long size, Path target) {
        String key = storedKey(name, size);
        return () -> {
            s3.getObject(b -> b.bucket(config.bucket()).key(key), ResponseTransformer.toFile(target));
            return target;
        };
    }

    @Override
    public void close() {
        try {
            repository.close();
        } finally {
            s3.close();
        }
    }
}
