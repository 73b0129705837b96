package org.peershelf.app.desktop.onboarding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.peershelf.app.config.SettingsFile;
import org.peershelf.app.desktop.settings.UiSettings;
import org.peershelf.app.wiring.ProfileSetup;
import org.peershelf.protocol.PeerShelfException;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.identity.UserProfile;

/**
 * Writes what onboarding collected: the profile and device key (through {@link ProfileSetup}, as the
 * headless peer does) and the settings (registry, repository folder). Touches the disk: run it off the
 * UI thread.
 */
public final class FirstRunStore {
    private final Path profileDir;

    public FirstRunStore(Path profileDir) {
        this.profileDir = profileDir;
    }

    public boolean hasProfile() {
        return new ProfileSetup(profileDir).existingProfile().isPresent();
    }

    public UserProfile save(OnboardingAnswers answers) {
        try {
            Files.createDirectories(answers.repositoryFolder());
        } catch (IOException e) {
            throw new PeerShelfException("The repository folder " + answers.repositoryFolder()
                    + " cannot be created: " + e.getMessage() + ". Choose another folder.", e);
        }
        if (!Files.isWritable(answers.repositoryFolder())) {
            throw new PeerShelfException("PeerShelf cannot write to " + answers.repositoryFolder() + ". Choose another folder.");
        }
        SettingsFile settings = new SettingsFile(profileDir);
        if (answers.registryUri().isPresent()) {
            settings.put(SettingsFile.REGISTRY_URI, answers.registryUri().get());
        } else {
            settings.remove(SettingsFile.REGISTRY_URI);
        }
        new UiSettings(settings).saveRepositoryFolder(answers.repositoryFolder());
        UserProfile profile = new UserProfile(UserId.random(), answers.name(), answers.institution(), answers.field(),
                answers.orcid(), answers.email());
        return new ProfileSetup(profileDir).register(profile);
    }
}
