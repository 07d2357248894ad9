package io.versioned.cache;

/** Told by an {@link AliasWatch} of each change of the alias and of each failed poll. Called on the watch's thread. */
public interface AliasListener {

    /**
     * The alias changed (or was read for the first time); its targets are on local disk, complete and verified.
     * The files of the previous state stay readable at least until this method returns.
     *
     * @param now the alias with its files
     */
    void changed(LocalAlias now);

    /**
     * A poll failed (the store, a missing alias or version, bytes that did not match); the previous state stays
     * current and the watch backs off. Does nothing unless overridden; the failure is logged either way.
     *
     * @param failure what went wrong
     */
    default void failed(RuntimeException failure) {
    }
}
