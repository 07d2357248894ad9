package io.versioned.tck;

import io.versioned.tck.Inputs.OptionsArg;
import io.versioned.tck.Inputs.VersionArg;
import java.util.Set;
import java.util.TreeSet;

/**
 * Collects, by {@link InputRules}, the arguments of one call that break a documented rule, under the names an
 * {@link IllegalArgumentException} message would start with.
 */
final class Blame {

    private final Set<String> invalid = new TreeSet<>();

    /** Blames {@code name} unless it is a valid artifact name. */
    Blame name(String name) {
        return when(!InputRules.artifactName(name), "name");
    }

    /** Blames {@code alias} unless it is a valid alias name. */
    Blame alias(String alias) {
        return when(!InputRules.aliasName(alias), "alias");
    }

    /** Blames {@code version} for null or a number {@link io.versioned.api.Version#of} refuses. */
    Blame version(VersionArg version) {
        return when(!version.makesAVersion(), "version");
    }

    /** Blames {@code options}, or the arguments of the options that break their rules. */
    Blame options(OptionsArg options) {
        if (options == null) {
            invalid.add("options");
        } else {
            invalid.addAll(options.invalidArguments());
        }
        return this;
    }

    /** Blames {@code argument} when {@code broken}. */
    Blame when(boolean broken, String argument) {
        if (broken) {
            invalid.add(argument);
        }
        return this;
    }

    /** The arguments blamed so far. */
    Set<String> arguments() {
        return Set.copyOf(invalid);
    }
}
