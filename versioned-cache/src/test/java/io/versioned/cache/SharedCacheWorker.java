package io.versioned.cache;

import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.core.Versioned;
import java.util.Arrays;

/**
 * One process of {@link SharedCacheFolderTest}: puts the same artifacts into its own {@code memory:} store and reads
 * them many times through a small cache in the shared folder, so that both processes fetch, evict and read the
 * same files at once. Exits 0 when every read had the right bytes, 1 otherwise.
 */
public final class SharedCacheWorker {

    static final int ARTIFACTS = 6;
    static final int SIZE = 64 * 1024;

    private SharedCacheWorker() {
    }

    public static void main(String[] args) {
        System.exit(run(args[0], Integer.parseInt(args[1])) ? 0 : 1);
    }

    static boolean run(String cacheDir, int rounds) {
        try (Repository repository = Versioned.open("memory:?cache=" + cacheDir + "&cacheMaxBytes=" + (3 * SIZE))) {
            for (int i = 0; i < ARTIFACTS; i++) {
                repository.putArtifact("a" + i, bytes(i));
                repository.publishArtifactVersion("a" + i);
            }
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < ARTIFACTS; i++) {
                    if (!Arrays.equals(repository.getContent("a" + i, Version.of(1)), bytes(i))) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    static byte[] bytes(int i) {
        byte[] bytes = new byte[SIZE];
        Arrays.fill(bytes, (byte) ('a' + i));
        return bytes;
    }
}
