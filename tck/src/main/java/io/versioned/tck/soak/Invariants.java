package io.versioned.tck.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.api.Version;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.VersionRecord;
import io.versioned.tck.StorePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The invariants of docs/architecture.md ("Invariants"), checked below the public API, straight on the ports: every version record
 * (deleted ones included, since their bytes stay) points at bytes that exist and have its SHA-256, and every
 * alias points at live versions.
 */
public final class Invariants {

    private Invariants() {
    }

    /**
     * Asserts the invariants for every artifact in the index of {@code ports}.
     *
     * @param ports the stores
     */
    public static void assertHold(StorePorts ports) {
        for (String name : ports.metadata().listArtifactNames()) {
            assertHold(ports, name);
        }
    }

    /**
     * Asserts the invariants for artifact {@code name}.
     *
     * @param ports the stores
     * @param name  the artifact
     */
    public static void assertHold(StorePorts ports, String name) {
        List<VersionRecord> versions = ports.metadata().listVersions(name);
        for (VersionRecord record : versions) {
            Optional<InputStream> bytes = ports.blobs().open(record.blobKey());
            assertThat(bytes).as("bytes of version %s of %s at %s", record.version(), name, record.blobKey())
                    .isPresent();
            assertThat(sha256(bytes.get())).as("sha256 of version %s of %s", record.version(), name)
                    .isEqualTo(record.sha256());
        }
        Map<Version, VersionRecord> byVersion = versions.stream()
                .collect(Collectors.toMap(VersionRecord::version, Function.identity()));
        for (AliasRecord alias : ports.metadata().listAliases(name)) {
            assertLive(byVersion, alias, alias.target().version());
            alias.target().secondaryVersion().ifPresent(secondary -> assertLive(byVersion, alias, secondary));
        }
    }

    private static void assertLive(Map<Version, VersionRecord> versions, AliasRecord alias, Version version) {
        VersionRecord record = versions.get(version);
        assertThat(record).as("version %s of %s that alias %s points at", version, alias.name(), alias.alias())
                .isNotNull();
        assertThat(record.deleted()).as("version %s of %s that alias %s points at is deleted", version,
                alias.name(), alias.alias()).isFalse();
    }

    static String sha256(InputStream in) {
        try (in) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * SHA-256 of {@code bytes}, 64 lower-case hex.
     *
     * @param bytes the bytes
     * @return their SHA-256
     */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
