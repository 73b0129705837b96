package org.peershelf.app.desktop.onboarding;

import java.nio.file.Path;
import java.util.Optional;

/** What a new user told the first-run form, validated. {@code registryUri} is empty for the embedded registry. */
public record OnboardingAnswers(String name, String institution, String field, String orcid, String email,
                                Path repositoryFolder, Optional<String> registryUri) {
}
