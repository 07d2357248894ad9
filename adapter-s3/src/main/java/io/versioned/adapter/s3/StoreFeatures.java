package io.versioned.adapter.s3;

import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Which optional S3 features the store implements: object tagging, and {@code If-None-Match} on CopyObject. A
 * feature configured {@link FeatureSupport#AUTO} is probed once, on first need or at bootstrap, with short-lived
 * objects under the reserved {@code .versioned/} folder; the answer is kept for the life of the port.
 */
final class StoreFeatures {

    private static final Logger LOG = LoggerFactory.getLogger(StoreFeatures.class);

    private final S3Client s3;
    private final ObjectLayout layout;
    private final WriteSettings settings;
    private final FeatureSupport taggingSupport;
    private final FeatureSupport conditionalCopySupport;
    private Boolean tagging;
    private Boolean conditionalCopy;

    StoreFeatures(S3Client s3, ObjectLayout layout, WriteSettings settings, FeatureSupport taggingSupport,
                  FeatureSupport conditionalCopySupport) {
        this.s3 = s3;
        this.layout = layout;
        this.settings = settings;
        this.taggingSupport = taggingSupport;
        this.conditionalCopySupport = conditionalCopySupport;
    }

    /** Probes every feature configured AUTO that was not probed yet. */
    void probe() {
        tagging();
        conditionalCopy();
    }

    /** Whether object tags are stored and read. */
    synchronized boolean tagging() {
        if (tagging == null) {
            tagging = resolve(taggingSupport, this::probeTagging);
            LOG.debug("object tagging in bucket {}: {}", layout.bucket(), tagging);
        }
        return tagging;
    }

    /** Whether CopyObject with {@code If-None-Match: *} is refused (412) when the target exists. */
    synchronized boolean conditionalCopy() {
        if (conditionalCopy == null) {
            conditionalCopy = resolve(conditionalCopySupport, this::probeConditionalCopy);
            LOG.debug("conditional CopyObject in bucket {}: {}", layout.bucket(), conditionalCopy);
        }
        return conditionalCopy;
    }

    private static boolean resolve(FeatureSupport support, BooleanSupplier probe) {
        return switch (support) {
            case ENABLED -> true;
            case DISABLED -> false;
            case AUTO -> probe.getAsBoolean();
        };
    }

    private boolean probeTagging() {
        String key = putProbe("tagging");
        try {
            s3.putObjectTagging(b -> b.bucket(layout.bucket()).key(key)
                    .tagging(t -> t.tagSet(Tag.builder().key("probe").value("1").build())));
            return true;
        } catch (SdkException e) {
            if (S3Errors.isNotImplemented(e)) {
                return false;
            }
            throw S3Errors.translate(e, "PutObjectTagging (probe)", layout.describe(key));
        } finally {
            deleteProbe(key);
        }
    }

    private boolean probeConditionalCopy() {
        String source = putProbe("copy-source");
        try {
            String target = putProbe("copy-target");
            try {
                s3.copyObject(settings.apply(CopyObjectRequest.builder()).sourceBucket(layout.bucket())
                        .sourceKey(source).destinationBucket(layout.bucket()).destinationKey(target)
                        .ifNoneMatch("*").build());
                return false;
            } catch (SdkException e) {
                if (S3Errors.isPreconditionFailed(e)) {
                    return true;
                }
                if (S3Errors.isNotImplemented(e) || S3Errors.isBadRequest(e)) {
                    return false;
                }
                throw S3Errors.translate(e, "CopyObject (probe)", layout.describe(target));
            } finally {
                deleteProbe(target);
            }
        } finally {
            deleteProbe(source);
        }
    }

    private String putProbe(String purpose) {
        String key = layout.probeKey(purpose + "-" + UUID.randomUUID());
        try {
            s3.putObject(settings.apply(PutObjectRequest.builder()).bucket(layout.bucket()).key(key).build(),
                    RequestBody.fromString(purpose));
        } catch (SdkException e) {
            throw S3Errors.translate(e, "PutObject (probe)", layout.describe(key));
        }
        return key;
    }

    private void deleteProbe(String key) {
        try {
            s3.deleteObject(b -> b.bucket(layout.bucket()).key(key));
        } catch (SdkException e) {
            LOG.warn("deleting probe object {} failed", layout.describe(key), e);
        }
    }
}
