package io.versioned.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.cache.VerifiedFiles.FileState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifiedFilesTest {

    @TempDir
    Path folder;

    private final VerifiedFiles verified = new VerifiedFiles();

    /** A check that started well after the file's last change, as a later read is. */
    private static Instant settledCheckOf(FileState state) {
        return state.changed().toInstant().plus(VerifiedFiles.SETTLE).plusSeconds(1);
    }

    @Test
    void aFileCheckedAfterItSettledIsTrustedUntilItChanges() throws IOException {
        Path file = Files.writeString(folder.resolve("cached"), "the right bytes");
        FileState state = verified.state(file);
        verified.verified(file, state, settledCheckOf(state));

        assertThat(verified.isTrusted(file, verified.state(file))).as("isTrusted of an unchanged checked file").isTrue();

        Files.writeString(file, "the wrong bytes");
        assertThat(verified.isTrusted(file, verified.state(file)))
                .as("isTrusted after the same number of bytes were written into the file").isFalse();
    }

    @Test
    void aFileReplacedByAnotherIsNotTrusted() throws IOException {
        Path file = Files.writeString(folder.resolve("cached"), "the right bytes");
        FileState state = verified.state(file);
        verified.verified(file, state, settledCheckOf(state));
        Path other = Files.writeString(folder.resolve("other"), "the wrong bytes");
        Files.move(other, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        assertThat(verified.isTrusted(file, verified.state(file))).as("isTrusted after a rename over the file")
                .isFalse();
    }

    @Test
    void aCheckWithinTheSettlingTimeOfTheLastChangeTrustsNothing() throws IOException {
        Path file = Files.writeString(folder.resolve("cached"), "the right bytes");
        FileState state = verified.state(file);
        verified.verified(file, state, state.changed().toInstant().plus(VerifiedFiles.SETTLE).minusMillis(1));

        assertThat(verified.isTrusted(file, state))
                .as("a change in the same clock tick as the check could keep the change time: not trusted").isFalse();
    }

    @Test
    void aForgottenFileIsNotTrusted() throws IOException {
        Path file = Files.writeString(folder.resolve("cached"), "the right bytes");
        FileState state = verified.state(file);
        verified.verified(file, state, settledCheckOf(state));
        verified.forget(file);

        assertThat(verified.isTrusted(file, state)).as("isTrusted after forget").isFalse();
    }
}
