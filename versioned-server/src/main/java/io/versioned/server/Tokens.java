package io.versioned.server;

import io.versioned.core.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The bearer tokens the server accepts, each with its {@link Scope}. The text form has one token per line,
 * {@code SCOPE TOKEN} ({@code read} or {@code admin}, then the token); blank lines and lines starting with
 * {@code #} are ignored. Only the SHA-256 of each token is kept, and {@link #scopeOf(String)} compares the digest
 * of the presented token with every kept digest in constant time, so the time taken tells nothing about how
 * much of a token matched. Tokens appear in no message and no {@link #toString()}.
 */
public final class Tokens {

    /** The shortest token accepted: shorter secrets are too easy to guess. */
    public static final int MIN_LENGTH = 16;

    private record Entry(byte[] digest, Scope scope) {
    }

    private final List<Entry> entries;

    private Tokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Parses the text form.
     *
     * @param text   the lines
     * @param source where the text came from (a file name, an environment variable), for messages
     * @return the tokens
     * @throws IllegalArgumentException if a line is not {@code read TOKEN} or {@code admin TOKEN}, a token is
     *                                  shorter than {@link #MIN_LENGTH}, or there is no token at all; the message
     *                                  names the line number, never the token
     */
    public static Tokens parse(String text, String source) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            String where = source + " line " + (i + 1);
            if (parts.length != 2) {
                throw new IllegalArgumentException(where + ": must be 'read TOKEN' or 'admin TOKEN'");
            }
            Scope scope;
            try {
                scope = Scope.valueOf(parts[0].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": the scope must be read or admin, got '" + parts[0] + "'");
            }
            if (parts[1].length() < MIN_LENGTH) {
                throw new IllegalArgumentException(where + ": a token must have at least " + MIN_LENGTH
                        + " characters");
            }
            entries.add(new Entry(digest(parts[1]), scope));
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(source + ": must name at least one token ('admin TOKEN' or 'read TOKEN')");
        }
        return new Tokens(entries);
    }

    /**
     * Reads the text form from a file.
     *
     * @param file the tokens file
     * @return the tokens
     * @throws IllegalArgumentException as {@link #parse(String, String)}, or if the file cannot be read
     */
    public static Tokens read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("--tokens: cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /**
     * The scope of a presented token, compared in constant time with every known token.
     *
     * @param presented the token from the {@code Authorization: Bearer} header
     * @return its scope, or empty if it is not a known token
     */
    public Optional<Scope> scopeOf(String presented) {
        byte[] digest = digest(presented);
        Scope found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), digest) && found != Scope.ADMIN) {
                found = entry.scope();
            }
        }
        return Optional.ofNullable(found);
    }

    private static byte[] digest(String token) {
        return Sha256.newDigest().digest(token.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Tokens[" + entries.size() + " tokens]";
    }
}
