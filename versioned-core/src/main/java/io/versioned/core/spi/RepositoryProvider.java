package io.versioned.core.spi;

import java.util.Set;

/**
 * A backend that can be chosen by a repository URI. {@link io.versioned.core.Versioned#open(String)} finds the
 * providers on the class path with {@link java.util.ServiceLoader}: a provider jar lists its implementation in
 * {@code META-INF/services/io.versioned.core.spi.RepositoryProvider}. The scheme of a URI is the text before its
 * first {@code :}, compared without regard to case; each scheme belongs to one provider.
 *
 * <p>Guarantees an implementation gives: {@link #schemes()} is constant; {@link #parse(String)} has no side effect
 * (it neither connects nor creates anything) and refuses bad input with an {@link IllegalArgumentException} whose
 * message starts with {@code uri: }, names the rule that was broken and the accepted forms (see
 * {@link RepositoryUris#invalid(String)}), and never repeats a secret (a password) of the URI. An implementation
 * has a public no-argument constructor and is thread-safe. Writing one: {@code docs/writing-an-adapter.md}.
 */
public interface RepositoryProvider {

    /**
     * The schemes this provider opens, in lower case, e.g. {@code s3+dynamodb}.
     *
     * @return the schemes, never empty, the same on every call
     */
    Set<String> schemes();

    /**
     * The URI forms this provider accepts, for error messages and help, e.g.
     * {@code memory:} or {@code s3://BUCKET[/PREFIX][?region=R][&endpoint=URL]}.
     *
     * @return the forms, separated by {@code ", "} when there are several
     */
    String forms();

    /**
     * Parses a URI of one of {@link #schemes()}.
     *
     * @param uri the whole URI, scheme included, without surrounding blanks
     * @return the location, which opens the backend
     * @throws IllegalArgumentException if {@code uri} is malformed or has an unknown parameter; the message
     *                                  starts with {@code uri: }, names the rule and the accepted forms
     */
    RepositoryLocation parse(String uri);
}
