package org.peershelf.app.desktop.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrcidTest {
    @Test
    void acceptsAValidIdInAnyCommonForm() {
        assertThat(Orcid.normalize("0000-0002-1825-0097")).contains("0000-0002-1825-0097");
        assertThat(Orcid.normalize(" https://orcid.org/0000-0002-1825-0097 ")).contains("0000-0002-1825-0097");
        assertThat(Orcid.normalize("0000000218250097")).contains("0000-0002-1825-0097");
    }

    @Test
    void acceptsXAsTheCheckDigitInEitherCase() {
        assertThat(Orcid.normalize("0000-0002-1694-233X")).contains("0000-0002-1694-233X");
        assertThat(Orcid.normalize("0000-0002-1694-233x")).contains("0000-0002-1694-233X");
    }

    @Test
    void rejectsAOneDigitTypoWithAMessageAboutTheCheckDigit() {
        assertThat(Orcid.normalize("0000-0002-1825-0098")).isEmpty();
        assertThat(Orcid.problem("0000-0002-1825-0098")).get().asString().contains("check digit");
    }

    @Test
    void rejectsTextThatIsNotAnOrcidWithAnExample() {
        assertThat(Orcid.problem("ada@example.org")).get().asString().contains("0000-0002-1825-0097");
        assertThat(Orcid.problem("1234")).isPresent();
    }
}
