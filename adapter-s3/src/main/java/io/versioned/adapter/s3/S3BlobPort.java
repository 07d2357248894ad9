package io.versioned.adapter.s3;

import io.versioned.api.BackendException;
import io.versioned.api.Names;
import io.versioned.core.port.BlobAttributes;
import io.versioned.core.port.BlobCapability;
import io.versioned.core.port.BlobEntry;
import io.versioned.core.port.BlobKeys;
import io.versioned.core.port.BlobPort;
import io.versioned.core.port.BlobUpload;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * A {@link BlobPort} on Amazon S3 or an S3-compatible store, through the AWS SDK for Java v2 (synchronous client).
 * Thread-safe.
 *
 * <p>Layout: see {@link S3BlobConfig}; {@link #listEntries(String)} ignores objects outside the prefix, without the
 * suffix, or under the reserved {@code .versioned/} folder where the adapter writes short-lived probe objects.
 *
 * <p>Guarantees and costs (requests per call on AWS S3):
 * <ul>
 *   <li>{@link #put}: put-if-absent with {@code If-None-Match: *}. Content up to the multipart threshold: one
 *       PutObject, buffered first to compute its SHA-256, sent as {@code x-amz-checksum-sha256} so S3 verifies the
 *       bytes and stored as the {@code artifact_sha256} user metadata. Larger content: a streaming multipart
 *       upload (see {@link MultipartUploader}) whose parts carry their CRC32C for S3 to verify, with a conditional
 *       completion; {@code artifact_sha256} is stored
 *       only when {@link BlobUpload#sha256()} was given, since S3 metadata is fixed when the upload starts.
 *       A given SHA-256 that does not match the bytes aborts the put with
 *       {@link io.versioned.core.port.PreconditionFailedException}.</li>
 *   <li>{@link #open}: one GetObject; empty when the key is absent.</li>
 *   <li>{@link #copy}: a HeadObject, then one conditional CopyObject (see {@link ObjectCopier}); sources without
 *       {@code artifact_sha256} metadata or a full-object SHA-256 checksum are read once to be verified.</li>
 *   <li>{@link #delete}: one DeleteObject; {@link #listEntries}: one ListObjectsV2 per 1,000 keys.</li>
 *   <li>Shared with the Python library ({@link S3BlobConfig#sharedWithPython()}): {@link #replaceWithCopy}, one
 *       CopyObject; {@link #artifactNames()}, one ListObjectsV2 per 1,000 folders. {@link #attributes}: one
 *       HeadObject.</li>
 * </ul>
 *
 * <p>Errors: a failed precondition (HTTP 412, a missing copy source, a SHA-256 mismatch) is a
 * {@link io.versioned.core.port.PreconditionFailedException}; every store failure is a {@link BackendException}
 * whose {@link BackendException#isRetryable()} is true for throttling, 5xx, timeouts and I/O failures. No SDK
 * exception leaves this class.
 *
 * <p>Lifecycle: a port made by {@link #create(S3BlobConfig)} owns its {@link S3Client} and closes it in
 * {@link #close()}; a port made with {@link #S3BlobPort(S3Client, S3BlobConfig)} uses the caller's client and never
 * closes it.
 */
public final class S3BlobPort implements BlobPort, AutoCloseable {

    /** User metadata naming the artifact, as the Python library writes it on its objects. */
    static final String ARTIFACT_NAME_METADATA = "artifact_name";

    /** The part size of server-side multipart copies of sources above 5 GiB. */
    static final long COPY_PART_SIZE = 512L * 1024 * 1024;

    private final S3Client s3;
    private final boolean ownsClient;
    private final S3BlobConfig config;
    private final ObjectLayout layout;
    private final StoreFeatures features;
    private final ObjectWriter writer;
    private final ObjectCopier copier;

    /**
     * A port on the caller's client, which must be configured for {@code config}'s region, endpoint and
     * credentials (those settings of {@code config} are not used). The caller closes the client after the port's
     * last use. Useful to share one client, or to add request interceptors.
     */
    public S3BlobPort(S3Client client, S3BlobConfig config) {
        this(client, config, false);
    }

    private S3BlobPort(S3Client client, S3BlobConfig config, boolean ownsClient) {
        this.s3 = Objects.requireNonNull(client, "client");
        this.config = Objects.requireNonNull(config, "config");
        this.ownsClient = ownsClient;
        this.layout = new ObjectLayout(config);
        WriteSettings settings = new WriteSettings(config.encryption());
        this.features = new StoreFeatures(client, layout, settings, config.taggingSupport(),
                config.conditionalCopySupport());
        MultipartUploader multipart = new MultipartUploader(client, layout, settings, config.partSize(),
                config.uploadParallelism());
        this.writer = new ObjectWriter(client, layout, settings, multipart, config.multipartThreshold(),
                features::tagging);
        this.copier = new ObjectCopier(client, layout, settings, features::conditionalCopy, features::tagging,
                COPY_PART_SIZE, ObjectCopier.MAX_SINGLE_COPY);
    }

    /** A port with its own client, built from {@code config}; {@link #close()} closes that client. */
    public static S3BlobPort create(S3BlobConfig config) {
        return new S3BlobPort(S3ClientFactory.create(config), config, true);
    }

    /** The configuration this port was made with. */
    public S3BlobConfig config() {
        return config;
    }

    /**
     * Creates the bucket if it is missing (in the configured region), then probes the optional features configured
     * {@link FeatureSupport#AUTO}. Idempotent. Costs a HeadBucket, plus a CreateBucket when missing, plus a few
     * small requests for the probes on the first call.
     *
     * @throws BackendException if the bucket cannot be created or checked (e.g. it belongs to another account)
     */
    @Override
    public void bootstrap() {
        createBucketIfMissing();
        features.probe();
    }

    private void createBucketIfMissing() {
        String target = "s3://" + layout.bucket();
        try {
            s3.headBucket(b -> b.bucket(layout.bucket()));
            return;
        } catch (SdkException e) {
            if (!(S3Errors.isNotFound(e) || isNoSuchBucket(e))) {
                throw S3Errors.translate(e, "HeadBucket", target);
            }
        }
        try {
            s3.createBucket(b -> {
                b.bucket(layout.bucket());
                if (!Region.US_EAST_1.equals(config.region())) {
                    b.createBucketConfiguration(c -> c.locationConstraint(config.region().id()));
                }
            });
        } catch (SdkException e) {
            if (!"BucketAlreadyOwnedByYou".equals(S3Errors.errorCode(e))) {
                throw S3Errors.translate(e, "CreateBucket", target);
            }
        }
    }

    private static boolean isNoSuchBucket(SdkException e) {
        return "NoSuchBucket".equals(S3Errors.errorCode(e));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Tags are stored only when {@link #capabilities()} declares {@link BlobCapability#TAGGING}.
     *
     * @throws IllegalArgumentException if {@code key} is empty, starts with '/' or is under {@code .versioned/},
     *                                  or {@code upload.sha256()} is not 64 lower-case hex digits
     */
    @Override
    public void put(String key, InputStream content, BlobUpload upload) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(upload, "upload");
        writer.put(key, content, upload);
    }

    /**
     * {@inheritDoc}
     *
     * <p>One GetObject. Closing the stream before its end aborts the HTTP connection rather than draining it.
     */
    @Override
    public Optional<InputStream> open(String key) {
        String objectKey = layout.objectKey(key);
        try {
            ResponseInputStream<GetObjectResponse> body = s3.getObject(b -> b.bucket(layout.bucket()).key(objectKey));
            return Optional.of(new ObjectContentStream(body, layout.describe(objectKey)));
        } catch (SdkException e) {
            if (S3Errors.isNotFound(e)) {
                return Optional.empty();
            }
            throw S3Errors.translate(e, "GetObject", layout.describe(objectKey));
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>See {@link ObjectCopier} for how the source is verified and the target written.
     *
     * @throws IllegalArgumentException if {@code sourceSha256} is not 64 lower-case hex digits
     */
    @Override
    public void copy(String sourceKey, String sourceSha256, String targetKey) {
        copier.copy(sourceKey, sourceSha256, targetKey);
    }

    @Override
    public void delete(String key) {
        String objectKey = layout.objectKey(key);
        try {
            s3.deleteObject(b -> b.bucket(layout.bucket()).key(objectKey));
        } catch (SdkException e) {
            if (!S3Errors.isNotFound(e)) {
                throw S3Errors.translate(e, "DeleteObject", layout.describe(objectKey));
            }
        }
    }

    /**
     * {@inheritDoc} Pages through ListObjectsV2 with continuation tokens; an object's last-modified time is S3's
     * {@code LastModified}.
     */
    @Override
    public List<BlobEntry> listEntries(String prefix) {
        String listPrefix = layout.listPrefix(prefix);
        List<BlobEntry> entries = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Request request = ListObjectsV2Request.builder()
                    .bucket(layout.bucket()).prefix(listPrefix).continuationToken(token).build();
            ListObjectsV2Response page;
            try {
                page = s3.listObjectsV2(request);
            } catch (SdkException e) {
                throw S3Errors.translate(e, "ListObjectsV2", layout.describe(listPrefix));
            }
            for (S3Object object : page.contents()) {
                layout.logicalKey(object.key()).filter(key -> key.startsWith(prefix))
                        .ifPresent(key -> entries.add(new BlobEntry(key, object.size(), object.lastModified())));
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        entries.sort(Comparator.comparing(BlobEntry::key));
        return entries;
    }

    /** {@code s3://bucket/prefix/key+suffix}. */
    @Override
    public String uri(String key) {
        return layout.uri(key);
    }

    /**
     * {@link BlobCapability#KEEPS_GIVEN_SHA256} (a given SHA-256 becomes the {@code artifact_sha256} metadata, which
     * spares a copy the read of the object); {@link BlobCapability#TAGGING} when the store stores tags (configured,
     * or found by the probe); {@link BlobCapability#SHARED_WITH_PYTHON} when configured
     * ({@link S3BlobConfig#sharedWithPython()}).
     */
    @Override
    public Set<BlobCapability> capabilities() {
        EnumSet<BlobCapability> capabilities = EnumSet.of(BlobCapability.KEEPS_GIVEN_SHA256);
        if (features.tagging()) {
            capabilities.add(BlobCapability.TAGGING);
        }
        if (config.sharedWithPython()) {
            capabilities.add(BlobCapability.SHARED_WITH_PYTHON);
        }
        return Collections.unmodifiableSet(capabilities);
    }

    /**
     * {@inheritDoc}
     *
     * <p>One CopyObject that replaces the target's metadata with what the Python library writes on its LATEST
     * object ({@code artifact_name}, {@code artifact_sha256}) and the content type of {@code description}; the tags
     * are the source's (the put stored {@code description}'s there). A source above 5 GiB is copied in parts (see
     * {@link ObjectCopier}).
     *
     * @throws UnsupportedOperationException unless {@link S3BlobConfig#sharedWithPython()}
     * @throws IllegalArgumentException      if {@code description} has no SHA-256 or its length is unknown
     */
    @Override
    public void replaceWithCopy(String sourceKey, String targetKey, BlobUpload description) {
        if (!config.sharedWithPython()) {
            throw new UnsupportedOperationException("replaceWithCopy: this port is not shared with the Python library");
        }
        Objects.requireNonNull(description, "description");
        String sha256 = description.sha256().orElseThrow(
                () -> new IllegalArgumentException("description: the SHA-256 of the source must be given"));
        Map<String, String> metadata = new HashMap<>(WriteSettings.metadata(Map.of(), Optional.of(sha256)));
        BlobKeys.artifactOf(targetKey).ifPresent(name -> metadata.put(ARTIFACT_NAME_METADATA, name));
        copier.replace(sourceKey, targetKey, description, metadata);
    }

    /** {@inheritDoc} One ListObjectsV2 with the delimiter {@code /} per 1,000 folders under the prefix. */
    @Override
    public List<String> artifactNames() {
        String root = layout.listPrefix("");
        List<String> names = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Request request = ListObjectsV2Request.builder()
                    .bucket(layout.bucket()).prefix(root).delimiter("/").continuationToken(token).build();
            ListObjectsV2Response page;
            try {
                page = s3.listObjectsV2(request);
            } catch (SdkException e) {
                throw S3Errors.translate(e, "ListObjectsV2", layout.describe(root));
            }
            for (CommonPrefix folder : page.commonPrefixes()) {
                String name = folder.prefix().substring(root.length(), folder.prefix().length() - 1);
                if (Names.ARTIFACT.matcher(name).matches()) {
                    names.add(name);
                }
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        names.sort(Comparator.naturalOrder());
        return List.copyOf(names);
    }

    /**
     * {@inheritDoc}
     *
     * <p>One HeadObject: the object's content type and user metadata, without {@code artifact_sha256} and
     * {@code artifact_name}, which the adapter and the Python library keep there for themselves.
     */
    @Override
    public Optional<BlobAttributes> attributes(String key) {
        String objectKey = layout.objectKey(key);
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(layout.bucket()).key(objectKey));
            Map<String, String> metadata = new HashMap<>(head.metadata());
            metadata.remove(WriteSettings.SHA256_METADATA);
            metadata.remove(ARTIFACT_NAME_METADATA);
            return Optional.ofNullable(head.contentType()).map(type -> new BlobAttributes(type, metadata));
        } catch (SdkException e) {
            if (S3Errors.isNotFound(e)) {
                return Optional.empty();
            }
            throw S3Errors.translate(e, "HeadObject", layout.describe(objectKey));
        }
    }

    /**
     * The tags of the object (GetObjectTagging); empty for an absent key.
     *
     * @throws UnsupportedOperationException if the store does not declare {@link BlobCapability#TAGGING}
     */
    @Override
    public Map<String, String> tags(String key) {
        if (!features.tagging()) {
            throw new UnsupportedOperationException("object tagging is not supported by the store behind s3://"
                    + layout.bucket() + " (or disabled by configuration)");
        }
        String objectKey = layout.objectKey(key);
        try {
            return s3.getObjectTagging(b -> b.bucket(layout.bucket()).key(objectKey)).tagSet().stream()
                    .collect(Collectors.toUnmodifiableMap(Tag::key, Tag::value));
        } catch (SdkException e) {
            if (S3Errors.isNotFound(e)) {
                return Map.of();
            }
            throw S3Errors.translate(e, "GetObjectTagging", layout.describe(objectKey));
        }
    }

    /** Closes the client if this port built it ({@link #create(S3BlobConfig)}); otherwise does nothing. */
    @Override
    public void close() {
        if (ownsClient) {
            s3.close();
        }
    }
}
