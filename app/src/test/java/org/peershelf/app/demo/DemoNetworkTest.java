package org.peershelf.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peershelf.app.wiring.ProfileSetup;
import org.peershelf.protocol.Peer;
import org.peershelf.protocol.config.NodeConfig;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.identity.UserProfile;
import org.peershelf.protocol.registry.Registry;
import org.peershelf.protocol.registry.ResourceHit;
import org.peershelf.protocol.registry.ResourceQuery;
import org.peershelf.protocol.resource.ResourceType;
import org.peershelf.registry.MongoRegistry;

@Tag("integration")
class DemoNetworkTest {
    private static final NodeConfig FAST = NodeConfig.defaults().withHeartbeat(Duration.ofMillis(500));

    @TempDir
    Path temp;

    @Test
    void newcomerFindsEverySampleAvailableAndTheRoomWithItsHistory() {
        ProfileSetup you = new ProfileSetup(temp.resolve("you"));
        UserProfile profile = you.register(UserProfile.create("Ada Lovelace", "University of London", "Mathematics"));
        DeviceIdentity device = you.device();

        try (DemoNetwork demo = DemoNetwork.start(temp.resolve("colleagues"), device.deviceId(), FAST);
             Registry registry = MongoRegistry.open(demo.registryUri())) {
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                List<ResourceHit> hits = registry.search(ResourceQuery.all(System.currentTimeMillis() - 5_000)).hits();
                assertThat(hits).hasSize(5).allMatch(ResourceHit::availableNow);
                Map<ResourceType, Long> byType = hits.stream().collect(Collectors.groupingBy(
                        hit -> hit.published().resource().metadata().type(), Collectors.counting()));
                assertThat(byType).containsOnlyKeys(ResourceType.PAPER, ResourceType.SLIDES, ResourceType.CODE,
                        ResourceType.DATASET, ResourceType.THESIS);
                assertThat(hits).filteredOn(hit -> hit.published().resource().metadata().title().startsWith("Epidemic"))
                        .singleElement().satisfies(hit -> assertThat(hit.onlineHolders()).isEqualTo(2));
            });
            assertThat(registry.roomsOf(device.deviceId())).singleElement()
                    .satisfies(room -> assertThat(room.name()).isEqualTo(DemoNetwork.ROOM_NAME));

            try (Registry guestRegistry = MongoRegistry.open(demo.registryUri());
                 Peer guest = new Peer(FAST, temp.resolve("you"), device, profile, "demo laptop", guestRegistry,
                         Runnable::run, Clock.systemUTC())) {
                guest.start();
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                        assertThat(guest.chats().rooms().history(demo.roomId())).hasSizeGreaterThanOrEqualTo(4));
            }
        }
    }

    @Test
    void sampleDataSetIsTheSameBytesOnEveryRun() throws Exception {
        Path first = temp.resolve("a.csv");
        Path second = temp.resolve("b.csv");
        SampleLibrary.writeRttSamples(first);
        SampleLibrary.writeRttSamples(second);
        assertThat(first).hasSameBinaryContentAs(second);
        assertThat(java.nio.file.Files.readAllLines(first)).hasSize(1 + 7 * 24 * 15);
    }
}
