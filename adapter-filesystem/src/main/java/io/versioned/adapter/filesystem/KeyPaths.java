package io.versioned.adapter.filesystem;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Maps logical blob keys ({@code name/000001}) to files under a root directory and back. A key is a
 * {@code /}-separated relative path whose segments are non-empty, are neither {@code .} nor {@code ..},
 * contain no backslash or NUL, and do not start with {@link #TEMP_PREFIX}; its file always lies strictly
 * inside the root, so no key can reach a file outside it.
 */
final class KeyPaths {

    /** File names starting with this are in-flight uploads; they are never keys. */
    static final String TEMP_PREFIX = ".tmp-";

    private final Path root;

    /** @param root the store root; made absolute and normalized */
    KeyPaths(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The absolute, normalized store root. */
    Path root() {
        return root;
    }

    /**
     * The file of {@code key}.
     *
     * @throws IllegalArgumentException if {@code key} breaks a rule of the class comment
     */
    Path toPath(String key) {
        String problem = problemWith(key);
        if (problem != null) {
            throw new IllegalArgumentException("key: " + problem + ", got '" + key + "'");
        }
        return resolveInside(key).orElseThrow(() ->
                new IllegalArgumentException("key: must be a path inside the store root, got '" + key + "'"));
    }

    /**
     * The file of a leftover temporary file named by its path relative to the root: a valid key as its directory
     * (or none, for the root) and a file name starting with {@link #TEMP_PREFIX}.
     *
     * @throws IllegalArgumentException if {@code leftover} is not of that form
     */
    Path toLeftoverPath(String leftover) {
        int slash = leftover == null ? -1 : leftover.lastIndexOf('/');
        String fileName = leftover == null ? "" : leftover.substring(slash + 1);
        Optional<Path> directory = slash < 0 ? Optional.of(root) : toPathIfValid(leftover.substring(0, slash));
        if (directory.isEmpty() || !fileName.startsWith(TEMP_PREFIX) || fileName.length() == TEMP_PREFIX.length()
                || fileName.indexOf('\\') >= 0 || fileName.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("leftover: must be a path inside the store root whose file name starts "
                    + "with '" + TEMP_PREFIX + "', got '" + leftover + "'");
        }
        return directory.get().resolve(fileName);
    }

    /** The file of {@code key}, or empty if {@code key} is not a valid key. */
    Optional<Path> toPathIfValid(String key) {
        return problemWith(key) == null ? resolveInside(key) : Optional.empty();
    }

    /** The key of a file inside the root, with {@code /} separators. */
    String toKey(Path file) {
        StringJoiner key = new StringJoiner("/");
        root.relativize(file).forEach(segment -> key.add(segment.toString()));
        return key.toString();
    }

    private Optional<Path> resolveInside(String key) {
        try {
            Path path = root.resolve(key).normalize();
            return path.startsWith(root) && !path.equals(root) ? Optional.of(path) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static String problemWith(String key) {
        if (key == null || key.isEmpty()) {
            return "must not be null or empty";
        }
        if (key.indexOf('\\') >= 0 || key.indexOf('\0') >= 0) {
            return "must not contain a backslash or NUL";
        }
        if (key.startsWith("/")) {
            return "must be relative, not start with '/'";
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty()) {
                return "must not contain empty segments";
            }
            if (segment.equals(".") || segment.equals("..")) {
                return "must not contain '.' or '..' segments";
            }
            if (segment.startsWith(TEMP_PREFIX)) {
                return "segments must not start with '" + TEMP_PREFIX + "' (reserved for uploads)";
            }
        }
        return null;
    }
}
