package io.versioned.adapter.s3only;

import io.versioned.api.Version;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which format-2 document holds the record of a version (docs/s3-only.md): LATEST's record has a document of its
 * own, and the published numbers are grouped in blocks of {@value #SIZE} consecutive numbers (1–1000, 1001–2000,
 * …). A block's document name counts down ({@code 999.json} holds 1–1000, {@code 998.json} 1001–2000, …), so that
 * ListObjectsV2, which returns keys in ascending order, returns the highest numbers first.
 *
 * @param index −1 for LATEST's document, otherwise {@code (number − 1) / 1000}, from 0 to 999
 */
record VersionBlock(int index) {

    /** Published numbers per block. */
    static final int SIZE = 1000;

    /** The document of LATEST's record. */
    static final VersionBlock LATEST = new VersionBlock(-1);

    private static final int LAST_INDEX = (Version.MAX_NUMBER - 1) / SIZE;
    private static final String LATEST_LABEL = "LATEST";
    private static final Pattern BLOCK_LABEL = Pattern.compile("[0-9]{3}");
    private static final String SUFFIX = ".json";

    VersionBlock {
        if (index < -1 || index > LAST_INDEX) {
            throw new IllegalArgumentException("index: must be from -1 to " + LAST_INDEX + ", got " + index);
        }
    }

    /** The block holding {@code version}'s record. */
    static VersionBlock of(Version version) {
        return version.isLatest() ? LATEST : new VersionBlock((version.number() - 1) / SIZE);
    }

    /**
     * The block a document name ({@code LATEST.json}, {@code 998.json}) stands for; empty for any other name.
     */
    static Optional<VersionBlock> ofFileName(String fileName) {
        if (!fileName.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        return ofLabel(fileName.substring(0, fileName.length() - SUFFIX.length()));
    }

    /** The block a {@link #label()} stands for; empty for any other text. */
    private static Optional<VersionBlock> ofLabel(String label) {
        if (LATEST_LABEL.equals(label)) {
            return Optional.of(LATEST);
        }
        return BLOCK_LABEL.matcher(label).matches()
                ? Optional.of(new VersionBlock(LAST_INDEX - Integer.parseInt(label))) : Optional.empty();
    }

    boolean isLatest() {
        return index == -1;
    }

    /** Whether {@code version}'s record belongs in this block. */
    boolean contains(Version version) {
        return of(version).equals(this);
    }

    /** {@code LATEST}, or the block's three counting-down digits ({@code 999} for 1–1000). */
    String label() {
        return isLatest() ? LATEST_LABEL : String.format(Locale.ROOT, "%03d", LAST_INDEX - index);
    }

    /** The document's name under {@code versions/}: {@link #label()} + {@code .json}. */
    String fileName() {
        return label() + SUFFIX;
    }

    /** For messages: {@code LATEST} or {@code versions 001001 to 002000}. */
    @Override
    public String toString() {
        return isLatest() ? LATEST_LABEL
                : "versions " + Version.of(index * SIZE + 1).padded() + " to " + Version.of(index * SIZE + SIZE).padded();
    }
}
