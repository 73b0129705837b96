package org.peershelf.app.desktop.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.AccessDeniedException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.PeerShelfException;
import org.peershelf.protocol.registry.RegistryUnavailableException;

class NotificationCenterTest {
    private final NotificationCenter center = new NotificationCenter();

    @Test
    void showsTheNewestNoticeAndKeepsOnlyAFew() {
        for (int i = 0; i < 5; i++) {
            center.info("Notice " + i, "");
        }

        assertThat(center.latestProperty().get().title()).isEqualTo("Notice 4");
        assertThat(center.notices()).hasSize(NotificationCenter.MAX_SHOWN);
    }

    @Test
    void dismissingTheNewestShowsTheOneBefore() {
        center.info("first", "");
        center.info("second", "");

        center.dismiss(center.latestProperty().get());

        assertThat(center.latestProperty().get().title()).isEqualTo("first");
        center.dismiss(center.latestProperty().get());
        assertThat(center.latestProperty().get()).isNull();
    }

    @Test
    void errorsAreDescribedInWordsNotClassNames() {
        center.error("Could not publish", new CompletionException(new PeerShelfException("The file is gone.")));

        assertThat(center.latestProperty().get()).isEqualTo(
                new Notice(Notice.Severity.ERROR, "Could not publish", "The file is gone."));
    }

    @Test
    void commonFailuresGetSentencesAPersonCanActOn() {
        assertThat(ErrorMessages.describe(new AccessDeniedException("/srv/papers")))
                .isEqualTo("PeerShelf is not allowed to write to /srv/papers. Choose another folder or change its permissions.");
        assertThat(ErrorMessages.describe(new RegistryUnavailableException("The registry does not answer.", null)))
                .isEqualTo("The registry does not answer. PeerShelf keeps trying; links to peers stay up.");
        assertThat(ErrorMessages.describe(new NullPointerException()))
                .startsWith("Something unexpected went wrong (NullPointerException)");
    }
}
