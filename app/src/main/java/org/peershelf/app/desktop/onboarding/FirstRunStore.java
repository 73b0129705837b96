package org.peershelf.app.desktop.onboarding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.peershelf.app.config.SavedRegistry;
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
        checkWritable(answers.repositoryFolder());
        SettingsFile settings = new SettingsFile(profileDir);
        SavedRegistry registry = new SavedRegistry(profileDir);
        if (answers.registryUri().isPresent()) {
            registry.save(answers.registryUri().get());
        } else {
            registry.clear();
        }
        new UiSettings(settings).saveRepositoryFolder(answers.repositoryFolder());
        UserProfile profile = new UserProfile(UserId.random(), answers.name(), answers.institution(), answers.field(),
                answers.orcid(), answers.email());
        return new ProfileSetup(profileDir).register(profile);
    }

    /**
     * Creates the folder and writes a probe file into it: {@link Files#isWritable} says yes to root and to
     * read-only mounts alike, so only a real write tells.
     *
     * @throws RepositoryFolderException saying what is wrong with the folder
     */
    static void checkWritable(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new RepositoryFolderException("The repository folder " + folder + " cannot be created ("
                    + describe(e) + "). Choose another folder.", e);
        }
        try {
            Path probe = Files.createTempFile(folder, ".peershelf-write-test", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new RepositoryFolderException("PeerShelf cannot write to the repository folder " + folder + " ("
                    + describe(e) + "). Choose another folder.", e);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage();
    }
}
