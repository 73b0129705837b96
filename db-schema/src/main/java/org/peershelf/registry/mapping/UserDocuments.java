package org.peershelf.registry.mapping;

import static org.peershelf.registry.mapping.DocumentReads.optionalString;
import static org.peershelf.registry.mapping.DocumentReads.requireLong;
import static org.peershelf.registry.mapping.DocumentReads.requireString;

import org.bson.Document;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.identity.UserProfile;
import org.peershelf.protocol.registry.UserRecord;

/** The {@code users} collection: one document per user, keyed by the user id. */
public final class UserDocuments {
    public static final String ID = "_id";
    public static final String DISPLAY_NAME = "displayName";
    public static final String INSTITUTION = "institution";
    public static final String FIELD = "field";
    public static final String ORCID = "orcid";
    public static final String EMAIL = "email";
    /** Epoch milliseconds (int64) when the user last published the record. */
    public static final String UPDATED_AT = "updatedAt";
    /** The device (of this user) that signed the record. */
    public static final String SIGNED_BY = "signedBy";
    /** Its signature over the profile fields, updatedAt and signedBy; see DocumentSignatures. */
    public static final String SIGNATURE = DocumentSignatures.SIGNATURE;

    private UserDocuments() {
    }

    public static Document toDocument(UserRecord user) {
        UserProfile p = user.profile();
        return new Document(ID, p.userId().value())
                .append(DISPLAY_NAME, p.displayName())
                .append(INSTITUTION, p.institution())
                .append(FIELD, p.field())
                .append(ORCID, p.orcid())
                .append(EMAIL, p.email())
                .append(UPDATED_AT, user.updatedAtMillis());
    }

    /** @throws IllegalArgumentException if the document does not have the expected shape */
    public static UserRecord fromDocument(Document doc) {
        UserProfile profile = new UserProfile(new UserId(requireString(doc, ID)), requireString(doc, DISPLAY_NAME),
                optionalString(doc, INSTITUTION), optionalString(doc, FIELD), optionalString(doc, ORCID),
                optionalString(doc, EMAIL));
        return new UserRecord(profile, requireLong(doc, UPDATED_AT));
    }
}
