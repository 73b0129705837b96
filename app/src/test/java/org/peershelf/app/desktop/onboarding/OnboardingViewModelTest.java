package org.peershelf.app.desktop.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peershelf.app.config.SettingsFile;
import org.peershelf.app.desktop.notify.Notice;
import org.peershelf.app.desktop.notify.NotificationCenter;
import org.peershelf.app.desktop.onboarding.OnboardingViewModel.TestState;
import org.peershelf.app.desktop.settings.UiSettings;
import org.peershelf.app.desktop.task.BackgroundTasks;
import org.peershelf.app.wiring.ProfileSetup;
import org.peershelf.protocol.identity.UserProfile;
import org.peershelf.registry.embedded.EmbeddedRegistryServer;
import org.peershelf.registry.probe.RegistryProbe;

class OnboardingViewModelTest {
    private static final Executor DIRECT = Runnable::run;

    @TempDir
    Path profile;

    private final NotificationCenter notices = new NotificationCenter();
    private final List<UserProfile> finished = new ArrayList<>();

    private OnboardingViewModel model() {
        return new OnboardingViewModel(profile.resolve("repository"), new RegistryProbe(Duration.ofSeconds(10))::probe,
                new FirstRunStore(profile), new BackgroundTasks(DIRECT, DIRECT), notices, finished::add);
    }

    @Test
    void aMissingNameIsReportedOnlyAfterTryingToFinish() {
        OnboardingViewModel model = model();
        assertThat(model.nameErrorProperty().get()).isEmpty();
        assertThat(model.completeProperty().get()).isFalse();

        model.finish();

        assertThat(model.nameErrorProperty().get()).isEqualTo("Enter your name as colleagues know it.");
        assertThat(finished).isEmpty();
        assertThat(new ProfileSetup(profile).existingProfile()).isEmpty();
    }

    @Test
    void aRegistryAddressWithTheWrongSchemeIsExplainedAndBlocksFinishing() {
        OnboardingViewModel model = model();
        model.nameProperty().set("Ada Lovelace");
        model.registryChoiceProperty().set(RegistryChoice.LAB);
        model.registryUriProperty().set("http://registry.mylab.org:27017");

        assertThat(model.registryErrorProperty().get()).startsWith("A registry address starts with mongodb://");
        assertThat(model.completeProperty().get()).isFalse();
        model.finish();
        assertThat(finished).isEmpty();
    }

    @Test
    void aMalformedRegistryAddressIsExplained() {
        OnboardingViewModel model = model();
        model.registryChoiceProperty().set(RegistryChoice.LAB);
        model.registryUriProperty().set("mongodb://lab:notaport");

        assertThat(model.registryErrorProperty().get()).startsWith("This is not a valid registry address");
    }

    @Test
    void anEmptyLabRegistryAddressIsAskedForOnFinish() {
        OnboardingViewModel model = model();
        model.nameProperty().set("Ada Lovelace");
        model.registryChoiceProperty().set(RegistryChoice.LAB);
        assertThat(model.registryErrorProperty().get()).isEmpty();

        model.finish();

        assertThat(model.registryErrorProperty().get()).startsWith("Enter the registry address");
        assertThat(finished).isEmpty();
    }

    @Test
    void badOrcidAndEmailAreReportedAsYouTypeAndOptionalWhenEmpty() {
        OnboardingViewModel model = model();
        model.orcidProperty().set("0000-0002-1825-0098");
        model.emailProperty().set("ada.example.org");
        assertThat(model.orcidErrorProperty().get()).contains("check digit");
        assertThat(model.emailErrorProperty().get()).contains("e-mail address");

        model.orcidProperty().set("");
        model.emailProperty().set("");
        assertThat(model.orcidErrorProperty().get()).isEmpty();
        assertThat(model.emailErrorProperty().get()).isEmpty();
    }

    @Test
    void aRelativeRepositoryFolderIsRejected() {
        OnboardingViewModel model = model();
        assertThat(model.folderErrorProperty().get()).isEmpty();
        model.repositoryFolderProperty().set("papers");
        assertThat(model.folderErrorProperty().get()).contains("full folder path");
    }

    @Test
    void testingAnUnreachableRegistrySaysTheConnectionWasRefused() throws IOException {
        OnboardingViewModel model = model();
        model.registryChoiceProperty().set(RegistryChoice.LAB);
        model.registryUriProperty().set("mongodb://127.0.0.1:" + closedPort());

        model.testRegistry();

        assertThat(model.testStateProperty().get()).isEqualTo(TestState.FAILED);
        assertThat(model.testMessageProperty().get()).containsIgnoringCase("refused");
    }

    @Test
    void testingARunningRegistrySaysItAnswersAndEditingTheAddressClearsTheResult() {
        try (EmbeddedRegistryServer server = EmbeddedRegistryServer.startInMemory()) {
            OnboardingViewModel model = model();
            model.registryChoiceProperty().set(RegistryChoice.LAB);
            model.registryUriProperty().set(server.connectionString());

            model.testRegistry();

            assertThat(model.testStateProperty().get()).isEqualTo(TestState.OK);
            assertThat(model.testMessageProperty().get()).startsWith("The registry answers");
            model.registryUriProperty().set(server.connectionString() + "/other");
            assertThat(model.testStateProperty().get()).isEqualTo(TestState.NOT_RUN);
            assertThat(model.testMessageProperty().get()).isEmpty();
        }
    }

    @Test
    void finishingSavesTheProfileTheLabRegistryAndTheRepositoryFolder() {
        OnboardingViewModel model = model();
        model.nameProperty().set("  Ada Lovelace ");
        model.institutionProperty().set("University of London");
        model.fieldProperty().set("Mathematics");
        model.orcidProperty().set("https://orcid.org/0000-0002-1825-0097");
        model.emailProperty().set("ada@london.ac.uk");
        model.registryChoiceProperty().set(RegistryChoice.LAB);
        model.registryUriProperty().set("mongodb://registry.lab.example.org:27017");

        model.finish();

        assertThat(finished).hasSize(1);
        UserProfile saved = new ProfileSetup(profile).existingProfile().orElseThrow();
        assertThat(saved).isEqualTo(finished.get(0));
        assertThat(saved.displayName()).isEqualTo("Ada Lovelace");
        assertThat(saved.orcid()).isEqualTo("0000-0002-1825-0097");
        assertThat(saved.email()).isEqualTo("ada@london.ac.uk");
        SettingsFile settings = new SettingsFile(profile);
        assertThat(settings.get(SettingsFile.REGISTRY_URI)).contains("mongodb://registry.lab.example.org:27017");
        assertThat(new UiSettings(settings).repositoryFolder()).contains(profile.resolve("repository").toAbsolutePath());
        assertThat(Files.isDirectory(profile.resolve("repository"))).isTrue();
        assertThat(Files.exists(profile.resolve("device-key.json"))).isTrue();
    }

    @Test
    void choosingTheEmbeddedRegistryForgetsAnOldLabAddress() {
        new SettingsFile(profile).put(SettingsFile.REGISTRY_URI, "mongodb://old-lab:27017");
        OnboardingViewModel model = model();
        model.nameProperty().set("Ada Lovelace");

        model.finish();

        assertThat(finished).hasSize(1);
        assertThat(new SettingsFile(profile).get(SettingsFile.REGISTRY_URI)).isEmpty();
    }

    @Test
    void aRepositoryFolderThatCannotBeMadeIsShownAsANoticeAndNothingFinishes() throws IOException {
        Path file = Files.writeString(profile.resolve("a-file"), "not a folder");
        OnboardingViewModel model = model();
        model.nameProperty().set("Ada Lovelace");
        model.repositoryFolderProperty().set(file.resolve("repository").toString());

        model.finish();

        assertThat(finished).isEmpty();
        assertThat(model.savingProperty().get()).isFalse();
        Notice notice = notices.latestProperty().get();
        assertThat(notice.severity()).isEqualTo(Notice.Severity.ERROR);
        assertThat(notice.title()).isEqualTo("Your profile could not be saved");
        assertThat(notice.text()).contains("cannot be created", "Choose another folder");
    }

    @Test
    void aRepositoryFolderThatCannotBeWrittenIsExplainedUnderTheFieldUntilItIsChanged() throws IOException {
        Path file = Files.writeString(profile.resolve("a-file"), "not a folder");
        OnboardingViewModel model = model();
        model.nameProperty().set("Ada Lovelace");
        model.repositoryFolderProperty().set(file.resolve("repository").toString());

        model.finish();

        assertThat(finished).isEmpty();
        assertThat(model.folderErrorProperty().get()).contains("cannot be created", "Choose another folder");
        assertThat(model.completeProperty().get()).as("the same folder cannot be tried again").isFalse();

        model.repositoryFolderProperty().set(profile.resolve("elsewhere").toString());
        assertThat(model.folderErrorProperty().get()).isEmpty();
        model.finish();
        assertThat(finished).hasSize(1);
    }

    @Test
    void aChosenRepositoryFolderIsCreatedAndSavedInTheSettings() {
        Path chosen = profile.resolve("big-disk").resolve("PeerShelf");
        OnboardingViewModel model = model();
        model.nameProperty().set("Ada Lovelace");
        model.repositoryFolderProperty().set(chosen.toString());

        model.finish();

        assertThat(finished).hasSize(1);
        assertThat(Files.isDirectory(chosen)).isTrue();
        assertThat(new SettingsFile(profile).repositoryDir()).contains(chosen.toAbsolutePath());
        assertThat(chosen.toFile().list()).as("the write probe is removed").isEmpty();
    }

    @Test
    void aLabRegistryPasswordIsNotWrittenIntoTheSettingsFile() throws IOException {
        OnboardingViewModel model = model();
        model.nameProperty().set("Ada Lovelace");
        model.registryChoiceProperty().set(RegistryChoice.LAB);
        model.registryUriProperty().set("mongodb://ada:s3cr%40t@registry.lab.example.org:27017/peershelf?tls=true");

        model.finish();

        assertThat(finished).hasSize(1);
        assertThat(Files.readString(profile.resolve("settings.properties"))).doesNotContain("s3cr")
                .contains("ada@registry.lab.example.org");
        assertThat(new org.peershelf.app.config.SavedRegistry(profile).load())
                .contains("mongodb://ada:s3cr%40t@registry.lab.example.org:27017/peershelf?tls=true");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
