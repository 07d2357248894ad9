package io.versioned.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Optional attributes of a put: content type, user metadata and object tags.
 *
 * <p>An absent content type or empty metadata means "not supplied": a put of unchanged bytes then
 * keeps the stored attributes. Tags are passed to blob stores that support tagging and ignored by
 * the others.
 *
 * <p>The limits below are the same for every backend and are checked here, when the options are made, so a put
 * that one store accepts no other store refuses, and nothing is uploaded for options that break them. Characters
 * are Unicode characters (code points).
 * <ul>
 *   <li><b>content type</b>: a media type {@code type/subtype[; parameters]} of printable ASCII, at most 255
 *       characters;</li>
 *   <li><b>metadata</b>: keys of 1 to {@value #MAX_METADATA_KEY_LENGTH} characters without ISO control characters
 *       (U+0000 to U+001F, U+007F to U+009F); keys and values well-formed UTF-16 (no unpaired surrogate, which
 *       UTF-8 cannot hold) and without U+0000 (which PostgreSQL text cannot hold); all keys plus all values at
 *       most {@value #MAX_METADATA_BYTES} bytes in UTF-8;</li>
 *   <li><b>tags</b>: the rules of S3 object tags, so that they mean the same wherever tagging is supported: at most
 *       {@value #MAX_TAGS} tags, keys of 1 to {@value #MAX_TAG_KEY_LENGTH} characters, values of 0 to
 *       {@value #MAX_TAG_VALUE_LENGTH} characters, made only of letters, digits, white space and
 *       {@code + - = . _ : / @}.</li>
 * </ul>
 *
 * @param contentType a media type such as {@code text/plain}, if supplied
 * @param metadata    user metadata (unmodifiable)
 * @param tags        object tags (unmodifiable)
 */
public record PutOptions(Optional<String> contentType, Map<String, String> metadata, Map<String, String> tags) {

    /** The most characters a metadata key may have. */
    public static final int MAX_METADATA_KEY_LENGTH = 128;
    /** The most bytes all metadata keys and values may take together, in UTF-8. */
    public static final int MAX_METADATA_BYTES = 8192;
    /** The most tags a put may carry. */
    public static final int MAX_TAGS = 10;
    /** The most characters a tag key may have. */
    public static final int MAX_TAG_KEY_LENGTH = 128;
    /** The most characters a tag value may have. */
    public static final int MAX_TAG_VALUE_LENGTH = 256;

    private static final PutOptions NONE = new PutOptions(Optional.empty(), Map.of(), Map.of());

    /**
     * Checks the options against the limits above and makes the maps immutable.
     *
     * @param contentType a media type such as {@code text/plain}, or {@link Optional#empty()} for none supplied
     * @param metadata    user metadata, possibly empty
     * @param tags        object tags, possibly empty
     * @throws IllegalArgumentException if an argument is null or breaks a rule of the {@link PutOptions class
     *                                  description}: the message starts with the argument's name
     *                                  ({@code contentType:}, {@code metadata:}, {@code tags:}) and states the rule
     */
    public PutOptions {
        if (contentType == null) {
            throw new IllegalArgumentException("contentType: must not be null (use Optional.empty())");
        }
        contentType.ifPresent(PutOptionRules::contentType);
        metadata = PutOptionRules.metadata(metadata);
        tags = PutOptionRules.tags(tags);
    }

    /**
     * No content type, metadata or tags: a put of unchanged bytes keeps the stored attributes.
     *
     * @return the empty options, a shared instance
     */
    public static PutOptions none() {
        return NONE;
    }

    /**
     * A builder for options.
     *
     * @return a new builder with nothing set
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link PutOptions}. */
    public static final class Builder {
        private String contentType;
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private final Map<String, String> tags = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets the media type of the content; checked by {@link #build()}.
         *
         * @param contentType a media type such as {@code text/plain; charset=utf-8}
         * @return this builder
         * @throws IllegalArgumentException if {@code contentType} is null
         */
        public Builder contentType(String contentType) {
            if (contentType == null) {
                throw new IllegalArgumentException("contentType: must not be null");
            }
            this.contentType = contentType;
            return this;
        }

        /**
         * Adds user metadata; later keys replace earlier ones. Checked by {@link #build()}.
         *
         * @param metadata the entries to add; not null, may be empty
         * @return this builder
         * @throws IllegalArgumentException if {@code metadata} is null
         */
        public Builder metadata(Map<String, String> metadata) {
            if (metadata == null) {
                throw new IllegalArgumentException("metadata: must not be null");
            }
            this.metadata.putAll(metadata);
            return this;
        }

        /**
         * Adds object tags; later keys replace earlier ones. Checked by {@link #build()}.
         *
         * @param tags the tags to add; not null, may be empty
         * @return this builder
         * @throws IllegalArgumentException if {@code tags} is null
         */
        public Builder tags(Map<String, String> tags) {
            if (tags == null) {
                throw new IllegalArgumentException("tags: must not be null");
            }
            this.tags.putAll(tags);
            return this;
        }

        /**
         * The options.
         *
         * @return the options, checked; the content type is absent when none was set
         * @throws IllegalArgumentException as the {@link PutOptions} constructor
         */
        public PutOptions build() {
            return new PutOptions(Optional.ofNullable(contentType), metadata, tags);
        }
    }
}
