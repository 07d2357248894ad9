package io.versioned.core;

import io.versioned.api.Version;
import io.versioned.core.port.BlobEntry;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Maintenance#fsck()} found.
 *
 * @param artifacts       the number of artifacts checked
 * @param versionsChecked the number of live versions whose bytes were read to the end
 * @param bytesChecked    the number of bytes read and verified
 * @param findings        the live versions whose bytes are missing or do not match their SHA-256, in the
 *                        order checked (artifact names sorted, then LATEST, then numbers ascending)
 * @param orphans         blob keys of this library's shapes that no version record references, sorted, young or
 *                        old; harmless, removed by {@link Maintenance#gc(boolean, java.time.Duration)} once older than
 *                        its grace period
 * @param leftovers       what interrupted puts left behind (temporary files), with sizes and times; removed by
 *                        {@code gc} once older than its grace period
 * @param foreign         keys under an artifact's prefix that this library did not write (no shape of
 *                        {@link io.versioned.core.port.BlobKeys#isOwn}), sorted; never removed
 */
public record FsckReport(int artifacts, int versionsChecked, long bytesChecked, List<Finding> findings,
                         List<String> orphans, List<BlobEntry> leftovers, List<String> foreign) {

    /**
     * Copies the lists into immutable ones.
     *
     * @param artifacts       the number of artifacts checked
     * @param versionsChecked the number of live versions whose bytes were read to the end
     * @param bytesChecked    the number of bytes read and verified
     * @param findings        the live versions whose bytes are missing or do not match
     * @param orphans         blob keys of this library's shapes that no version record references
     * @param leftovers       what interrupted puts left behind
     * @param foreign         keys under an artifact's prefix that this library did not write
     */
    public FsckReport {
        findings = List.copyOf(findings);
        orphans = List.copyOf(orphans);
        leftovers = List.copyOf(leftovers);
        foreign = List.copyOf(foreign);
    }

    /**
     * Whether every live version's bytes are there and match their SHA-256.
     *
     * @return true when there are no findings (orphans, leftovers and foreign keys do not count)
     */
    public boolean intact() {
        return findings.isEmpty();
    }

    /**
     * One live version whose bytes cannot be trusted.
     *
     * @param name    the artifact name
     * @param version the version
     * @param problem what is wrong, in one line
     */
    public record Finding(String name, Version version, String problem) {

        /**
         * Checks that no component is null.
         *
         * @param name    the artifact name
         * @param version the version
         * @param problem what is wrong, in one line
         */
        public Finding {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(problem, "problem");
        }
    }
}
