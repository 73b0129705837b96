package org.peershelf.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peershelf.app.config.AppSettings;
import org.peershelf.protocol.config.NodeConfig;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.identity.UserProfile;
import org.peershelf.protocol.resource.Resource;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.ResourceType;
import org.peershelf.registry.embedded.EmbeddedRegistryServer;

/** The composition root hands the chosen repository folder to the peer: held files land there, not in the profile. */
class RepositoryFolderTest {
    @TempDir
    Path temp;

    @Test
    void theDeviceKeepsItsResourcesInTheChosenFolder() throws IOException {
        Path profile = temp.resolve("profile");
        Path chosen = temp.resolve("data-disk").resolve("shelf");
        Path paper = Files.writeString(temp.resolve("kademlia.txt"), "a peer-to-peer information system");
        try (EmbeddedRegistryServer server = EmbeddedRegistryServer.startInMemory();
             PeerRuntime runtime = PeerRuntime.start(new AppSettings(profile, Optional.of(server.connectionString()), 0,
                             NodeConfig.defaults()).withRepositoryDir(chosen),
                     UserProfile.create("Ada Lovelace", "London", "Mathematics"), DeviceIdentity.generate(), Runnable::run)) {
            Resource added = runtime.peer().repository().add(ResourceMetadata.of("Kademlia", ResourceType.PAPER),
                    List.of(paper));

            Path held = chosen.resolve("resources").resolve(added.id().hex());
            assertThat(held.resolve("files").resolve("kademlia.txt")).hasContent("a peer-to-peer information system");
            assertThat(profile.resolve("repository")).doesNotExist();
        }
    }
}
