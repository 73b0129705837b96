package org.peershelf.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.identity.DeviceIdentity;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.identity.UserProfile;
import org.peershelf.protocol.registry.DeviceRecord;
import org.peershelf.protocol.registry.UserRecord;
import org.peershelf.registry.mapping.UserDocuments;

@Tag("integration")
class DirectoryTest extends RegistryTestCase {
    @Test
    void publishedUserIsFoundWithEveryField() {
        UserRecord ada = user("u-ada", "Ada Lovelace", 1L);

        registry.publishUser(ada);

        assertThat(registry.findUser(new UserId("u-ada"))).contains(ada);
    }

    @Test
    void publishingAgainReplacesTheRecord() {
        registry.publishUser(user("u-ada", "Ada", 1L));
        UserRecord renamed = user("u-ada", "Ada King", 2L);

        registry.publishUser(renamed);

        assertThat(registry.findUser(new UserId("u-ada"))).contains(renamed);
        assertThat(registries.database(database).getCollection(RegistryCollections.USERS).countDocuments())
                .isEqualTo(1);
    }

    @Test
    void publishedDeviceIsFoundAndRepublishingIsIdempotent() {
        DeviceIdentity key = DeviceIdentity.generate();
        DeviceRecord laptop = new DeviceRecord(key.deviceId(), new UserId("u-ada"), key.publicKeyBase64(),
                "laptop", 9L);

        registry.publishDevice(laptop);
        registry.publishDevice(laptop);

        assertThat(registry.findDevice(key.deviceId())).contains(laptop);
        assertThat(registries.database(database).getCollection(RegistryCollections.DEVICES).countDocuments())
                .isEqualTo(1);
    }

    @Test
    void unknownIdsAreEmpty() {
        assertThat(registry.findUser(new UserId("nobody"))).isEmpty();
        assertThat(registry.findDevice(DeviceIdentity.generate().deviceId())).isEmpty();
        assertThat(registry.findUsers(List.of())).isEmpty();
    }

    @Test
    void findUsersKeepsTheAskedOrderAndLeavesOutTheMissing() {
        UserRecord a = user("u-a", "A", 1L);
        UserRecord b = user("u-b", "B", 1L);
        UserRecord c = user("u-c", "C", 1L);
        List.of(a, b, c).forEach(registry::publishUser);

        List<UserRecord> found = registry.findUsers(List.of(new UserId("u-c"), new UserId("u-missing"),
                new UserId("u-a"), new UserId("u-c")));

        assertThat(found).containsExactly(c, a);
    }

    @Test
    void malformedUserIsLeftOutWithoutHidingTheOthers() {
        UserRecord a = user("u-a", "A", 1L);
        registry.publishUser(a);
        registries.database(database).getCollection(RegistryCollections.USERS)
                .insertOne(new Document(UserDocuments.ID, "u-broken").append(UserDocuments.UPDATED_AT, 1L));

        assertThat(registry.findUser(new UserId("u-broken"))).isEmpty();
        assertThat(registry.findUsers(List.of(new UserId("u-broken"), new UserId("u-a")))).containsExactly(a);
    }

    @Test
    void describeNamesTheAddressAndDatabase() {
        assertThat(registry.describe()).startsWith("registry at ").endsWith("(database " + database + ")");
    }

    private static UserRecord user(String id, String name, long updatedAt) {
        return new UserRecord(new UserProfile(new UserId(id), name, "Uni", "Physics", "", ""), updatedAt);
    }
}
