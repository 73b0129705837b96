package org.peershelf.registry.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.identity.UserProfile;
import org.peershelf.protocol.registry.UserRecord;

class UserDocumentsTest {
    private static final UserRecord ADA = new UserRecord(new UserProfile(new UserId("u-ada"), "Ada Lovelace",
            "Analytical Society", "Mathematics", "0000-0002-1825-0097", "ada@example.org"), 1_700_000_000_123L);

    @Test
    void roundTripKeepsEveryField() {
        assertThat(UserDocuments.fromDocument(UserDocuments.toDocument(ADA))).isEqualTo(ADA);
    }

    @Test
    void documentUsesTheDocumentedFieldNames() {
        Document doc = UserDocuments.toDocument(ADA);

        assertThat(doc.keySet()).containsExactly("_id", "displayName", "institution", "field", "orcid", "email",
                "updatedAt");
        assertThat(doc.get("_id")).isEqualTo("u-ada");
        assertThat(doc.get("updatedAt")).isInstanceOf(Long.class);
    }

    @Test
    void missingOptionalFieldsReadAsEmpty() {
        Document doc = new Document("_id", "u-bob").append("displayName", "Bob").append("updatedAt", 5);

        UserRecord bob = UserDocuments.fromDocument(doc);

        assertThat(bob.profile().institution()).isEmpty();
        assertThat(bob.profile().email()).isEmpty();
        assertThat(bob.updatedAtMillis()).as("an int32 written by a shell still reads").isEqualTo(5L);
    }

    @Test
    void malformedDocumentNamesTheField() {
        Document doc = UserDocuments.toDocument(ADA).append("updatedAt", "yesterday");

        assertThatThrownBy(() -> UserDocuments.fromDocument(doc))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("updatedAt");
        assertThatThrownBy(() -> UserDocuments.fromDocument(new Document("_id", "u-x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("displayName");
    }
}
