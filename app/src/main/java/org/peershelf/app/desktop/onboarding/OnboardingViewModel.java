package org.peershelf.app.desktop.onboarding;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.peershelf.app.desktop.notify.Notifications;
import org.peershelf.app.desktop.task.BackgroundTasks;
import org.peershelf.protocol.identity.UserProfile;
import org.peershelf.registry.connection.InvalidRegistryUriException;
import org.peershelf.registry.connection.RegistryUri;
import org.peershelf.registry.probe.ProbeResult;

/**
 * The first-run form: who you are, where your repository lives, which registry to use. Validates as
 * you type (errors for empty required fields appear only after a first attempt to finish), tests a lab
 * registry off the UI thread, and saves through {@link FirstRunStore} off the UI thread.
 */
public final class OnboardingViewModel {
    /** The state of the registry Test button's last run. */
    public enum TestState {
        NOT_RUN,
        RUNNING,
        OK,
        FAILED
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    private static final int MAX_NAME = 120;

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty institution = new SimpleStringProperty("");
    private final StringProperty field = new SimpleStringProperty("");
    private final StringProperty orcid = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty repositoryFolder = new SimpleStringProperty("");
    private final ObjectProperty<RegistryChoice> registryChoice = new SimpleObjectProperty<>(RegistryChoice.EMBEDDED);
    private final StringProperty registryUri = new SimpleStringProperty("");
    private final BooleanProperty attempted = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<TestState> testState = new ReadOnlyObjectWrapper<>(TestState.NOT_RUN);
    private final ReadOnlyStringWrapper testMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    /** What the last save found wrong with the folder on disk (not writable…); cleared when the folder is edited. */
    private final StringProperty folderOnDisk = new SimpleStringProperty("");

    private final StringBinding nameError;
    private final StringBinding orcidError;
    private final StringBinding emailError;
    private final StringBinding folderError;
    private final StringBinding registryError;
    private final BooleanBinding complete;

    private final Function<String, ProbeResult> probe;
    private final FirstRunStore store;
    private final BackgroundTasks tasks;
    private final Notifications notifications;
    private final Consumer<UserProfile> onFinished;

    public OnboardingViewModel(Path defaultRepositoryFolder, Function<String, ProbeResult> probe, FirstRunStore store,
                               BackgroundTasks tasks, Notifications notifications, Consumer<UserProfile> onFinished) {
        this.probe = probe;
        this.store = store;
        this.tasks = tasks;
        this.notifications = notifications;
        this.onFinished = onFinished;
        repositoryFolder.set(defaultRepositoryFolder.toAbsolutePath().toString());

        nameError = Bindings.createStringBinding(() -> nameProblem(name.get(), attempted.get()), name, attempted);
        orcidError = Bindings.createStringBinding(() -> orcid.get().isBlank() ? ""
                : Orcid.problem(orcid.get()).orElse(""), orcid);
        emailError = Bindings.createStringBinding(() -> email.get().isBlank() || EMAIL.matcher(email.get().strip()).matches()
                ? "" : "This does not look like an e-mail address (name@university.edu).", email);
        folderError = Bindings.createStringBinding(() -> {
            String typed = folderProblem(repositoryFolder.get());
            return typed.isEmpty() ? folderOnDisk.get() : typed;
        }, repositoryFolder, folderOnDisk);
        repositoryFolder.addListener((obs, old, now) -> folderOnDisk.set(""));
        registryError = Bindings.createStringBinding(() -> registryProblem(registryChoice.get(), registryUri.get(),
                attempted.get()), registryChoice, registryUri, attempted);
        complete = Bindings.createBooleanBinding(() -> nameProblem(name.get(), true).isEmpty()
                        && orcidError.get().isEmpty() && emailError.get().isEmpty() && folderError.get().isEmpty()
                        && registryProblem(registryChoice.get(), registryUri.get(), true).isEmpty(),
                name, orcidError, emailError, folderError, registryChoice, registryUri);
        // a result belongs to the address it tested
        registryUri.addListener((obs, old, now) -> resetTest());
        registryChoice.addListener((obs, old, now) -> resetTest());
    }

    /** Tests the typed lab registry address in the background; the answer lands in {@link #testMessageProperty()}. */
    public void testRegistry() {
        String typed = registryUri.get();
        testState.set(TestState.RUNNING);
        testMessage.set("Testing " + typed.strip() + " …");
        tasks.run(() -> probe.apply(typed), result -> {
            if (!typed.equals(registryUri.get())) {
                return; // the person edited the address meanwhile; that result is stale
            }
            testState.set(result.ok() ? TestState.OK : TestState.FAILED);
            testMessage.set(result.message());
        }, error -> {
            testState.set(TestState.FAILED);
            testMessage.set("The test itself failed: " + error.getMessage());
        });
    }

    /** Saves the profile and settings if the form is complete; otherwise shows every problem. */
    public void finish() {
        attempted.set(true);
        if (!complete.get() || saving.get()) {
            return;
        }
        OnboardingAnswers answers = answers();
        saving.set(true);
        tasks.run(() -> store.save(answers), profile -> {
            saving.set(false);
            onFinished.accept(profile);
        }, error -> {
            saving.set(false);
            if (error instanceof RepositoryFolderException && answers.repositoryFolder().toString()
                    .equals(repositoryFolder.get().strip())) {
                folderOnDisk.set(error.getMessage()); // shown under the field too, where it can be fixed
            }
            notifications.error("Your profile could not be saved", error);
        });
    }

    OnboardingAnswers answers() {
        String orcidValue = orcid.get().isBlank() ? "" : Orcid.normalize(orcid.get()).orElseThrow();
        Optional<String> uri = registryChoice.get() == RegistryChoice.LAB
                ? Optional.of(registryUri.get().strip()) : Optional.empty();
        return new OnboardingAnswers(name.get().strip(), institution.get().strip(), field.get().strip(), orcidValue,
                email.get().strip(), Path.of(repositoryFolder.get().strip()), uri);
    }

    private void resetTest() {
        testState.set(TestState.NOT_RUN);
        testMessage.set("");
    }

    private static String nameProblem(String value, boolean attempted) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            return attempted ? "Enter your name as colleagues know it." : "";
        }
        return stripped.length() > MAX_NAME ? "A name of at most " + MAX_NAME + " characters, please." : "";
    }

    private static String folderProblem(String value) {
        if (value == null || value.isBlank()) {
            return "Choose a folder for the files you share.";
        }
        try {
            return Path.of(value.strip()).isAbsolute() ? "" : "Choose a full folder path, e.g. /home/you/PeerShelf.";
        } catch (InvalidPathException e) {
            return "This is not a folder path: " + e.getReason() + ".";
        }
    }

    private static String registryProblem(RegistryChoice choice, String uri, boolean attempted) {
        if (choice != RegistryChoice.LAB) {
            return "";
        }
        if ((uri == null || uri.isBlank()) && !attempted) {
            return "";
        }
        try {
            RegistryUri.parse(uri);
            return "";
        } catch (InvalidRegistryUriException e) {
            return e.getMessage();
        }
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty institutionProperty() {
        return institution;
    }

    public StringProperty fieldProperty() {
        return field;
    }

    public StringProperty orcidProperty() {
        return orcid;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty repositoryFolderProperty() {
        return repositoryFolder;
    }

    public ObjectProperty<RegistryChoice> registryChoiceProperty() {
        return registryChoice;
    }

    public StringProperty registryUriProperty() {
        return registryUri;
    }

    public StringBinding nameErrorProperty() {
        return nameError;
    }

    public StringBinding orcidErrorProperty() {
        return orcidError;
    }

    public StringBinding emailErrorProperty() {
        return emailError;
    }

    public StringBinding folderErrorProperty() {
        return folderError;
    }

    public StringBinding registryErrorProperty() {
        return registryError;
    }

    public BooleanBinding completeProperty() {
        return complete;
    }

    public ReadOnlyObjectProperty<TestState> testStateProperty() {
        return testState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty testMessageProperty() {
        return testMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }
}
