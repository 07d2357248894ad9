package io.versioned.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Optional attributes of a put: content type, user metadata and object tags.
 *
 * <p>An absent content type or empty metadata means "not supplied": a put of unchanged bytes then
 * keeps the stored attributes. Tags are passed to blob stores that support tagging and ignored by
 * the others.
 *
 * @param contentType a media type such as {@code text/plain}, if supplied
 * @param metadata    user metadata (unmodifiable)
 * @param tags        object tags (unmodifiable)
 */
public record PutOptions(Optional<String> contentType, Map<String, String> metadata, Map<String, String> tags) {

    private static final PutOptions NONE = new PutOptions(Optional.empty(), Map.of(), Map.of());
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final Pattern MEDIA_TYPE = Pattern.compile(TOKEN + "/" + TOKEN + "(\\s*;.*)?");

    /**
     * @throws IllegalArgumentException if an argument is null, the content type is not a media type
     *                                  {@code type/subtype[; parameters]} of printable ASCII (at most 255
     *                                  characters), or a map has an empty or null key or a null value
     */
    public PutOptions {
        if (contentType == null) {
            throw new IllegalArgumentException("contentType: must not be null (use Optional.empty())");
        }
        contentType.ifPresent(PutOptions::checkContentType);
        metadata = checkedCopy("metadata", metadata);
        tags = checkedCopy("tags", tags);
    }

    /** No content type, metadata or tags. */
    public static PutOptions none() {
        return NONE;
    }

    /** A builder for options. */
    public static Builder builder() {
        return new Builder();
    }

    private static void checkContentType(String contentType) {
        if (!MEDIA_TYPE.matcher(contentType).matches() || contentType.length() > 255
                || contentType.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new IllegalArgumentException("contentType: must be a media type type/subtype[; parameters] such as "
                    + "text/plain (printable ASCII, at most 255 characters), got '" + contentType + "'");
        }
    }

    private static Map<String, String> checkedCopy(String argument, Map<String, String> map) {
        if (map == null) {
            throw new IllegalArgumentException(argument + ": must not be null (use an empty map)");
        }
        map.forEach((key, value) -> {
            if (key == null || key.isEmpty() || value == null) {
                throw new IllegalArgumentException(argument + ": keys must be non-empty and values non-null");
            }
        });
        return Map.copyOf(map);
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
         * @throws IllegalArgumentException as the {@link PutOptions} constructor
         */
        public PutOptions build() {
            return new PutOptions(Optional.ofNullable(contentType), metadata, tags);
        }
    }
}
