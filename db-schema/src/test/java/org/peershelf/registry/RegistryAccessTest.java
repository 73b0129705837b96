package org.peershelf.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.registry.RegistryUnavailableException;
import org.peershelf.registry.embedded.EmbeddedRegistryServer;

/** Opening a registry with credentials in the URI: the embedded registry has no users, so it must say so readably. */
@Tag("integration")
class RegistryAccessTest {
    @Test
    void anAuthenticatedUriAgainstTheEmbeddedRegistryFailsWithACredentialsMessageWithoutThePassword() {
        try (EmbeddedRegistryServer server = EmbeddedRegistryServer.startInMemory()) {
            String uri = "mongodb://lab:hunter2@" + server.host() + ":" + server.port() + "/peershelf?authSource=admin";

            assertThatThrownBy(() -> MongoRegistry.open(uri).close())
                    .isInstanceOf(RegistryUnavailableException.class)
                    .hasMessageContaining("refused the user name or password")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        }
    }

    @Test
    void theEmbeddedRegistryListensOnLoopbackUnlessToldOtherwise() {
        try (EmbeddedRegistryServer server = EmbeddedRegistryServer.startInMemory()) {
            assertThat(server.host()).isEqualTo(EmbeddedRegistryServer.LOOPBACK);
        }
    }
}
