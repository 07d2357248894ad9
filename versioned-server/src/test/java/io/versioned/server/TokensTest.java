package io.versioned.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokensTest {

    private static final String ADMIN = "admin-token-0123456789";
    private static final String READ = "read-token-0123456789";

    @Test
    void eachTokenHasItsScopeAndUnknownTokensNone() {
        Tokens tokens = Tokens.parse("# the team's tokens\n\nadmin " + ADMIN + "\n  read   " + READ + "  \n", "f");
        assertThat(tokens.scopeOf(ADMIN)).contains(Scope.ADMIN);
        assertThat(tokens.scopeOf(READ)).contains(Scope.READ);
        assertThat(tokens.scopeOf(READ + "x")).isEmpty();
        assertThat(tokens.scopeOf(READ.substring(1))).isEmpty();
        assertThat(tokens.scopeOf("")).isEmpty();
        assertThat(tokens.toString()).doesNotContain(ADMIN).doesNotContain(READ);
    }

    @Test
    void aTokenListedWithBothScopesIsAdmin() {
        assertThat(Tokens.parse("admin " + ADMIN + "\nread " + ADMIN, "f").scopeOf(ADMIN)).contains(Scope.ADMIN);
        assertThat(Tokens.parse("read " + ADMIN + "\nadmin " + ADMIN, "f").scopeOf(ADMIN)).contains(Scope.ADMIN);
    }

    @Test
    void badLinesNameTheLineAndTheRuleButNeverTheToken() {
        assertThatThrownBy(() -> Tokens.parse("admin " + ADMIN + "\nwrite " + READ, "tokens.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokens.txt line 2").hasMessageContaining("read or admin")
                .hasMessageNotContaining(READ);
        assertThatThrownBy(() -> Tokens.parse("admin short-secret", "f"))
                .hasMessageContaining("line 1").hasMessageContaining("16").hasMessageNotContaining("short-secret");
        assertThatThrownBy(() -> Tokens.parse("admin " + ADMIN + " extra", "f"))
                .hasMessageContaining("line 1").hasMessageNotContaining(ADMIN);
        assertThatThrownBy(() -> Tokens.parse("# nothing\n", "f")).hasMessageContaining("at least one token");
    }

    @Test
    void scopesAllowWhatTheyShould() {
        assertThat(Scope.ADMIN.allows(Scope.ADMIN)).isTrue();
        assertThat(Scope.ADMIN.allows(Scope.READ)).isTrue();
        assertThat(Scope.READ.allows(Scope.READ)).isTrue();
        assertThat(Scope.READ.allows(Scope.ADMIN)).isFalse();
    }
}
