package org.peershelf.registry.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.peershelf.registry.connection.InvalidRegistryUriException.Problem;

class RegistryUriTest {
    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void nothingTypedIsEmpty(String typed) {
        assertThat(problemOf(typed)).isEqualTo(Problem.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:27017", "http://registry.example.org", "mongo://host", "MONGODB://host",
            "registry.example.org"})
    void otherSchemesAreRejected(String typed) {
        InvalidRegistryUriException e = catchThrowableOfType(InvalidRegistryUriException.class,
                () -> RegistryUri.parse(typed));

        assertThat(e.problem()).isEqualTo(Problem.WRONG_SCHEME);
        assertThat(e.getMessage()).contains("mongodb://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mongodb://", "mongodb://host:notaport", "mongodb://host:99999",
            "mongodb+srv://host.example.org:27017", "mongodb://host/?serverSelectionTimeoutMS=soon",
            "mongodb://a@b@host"})
    void malformedAddressesAreReportedWithTheDriversReason(String typed) {
        InvalidRegistryUriException e = catchThrowableOfType(InvalidRegistryUriException.class,
                () -> RegistryUri.parse(typed));

        assertThat(e.problem()).isEqualTo(Problem.MALFORMED);
        assertThat(e.getMessage()).startsWith("This is not a valid registry address: ");
        assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addressAndToStringNeverShowThePassword() {
        RegistryUri uri = RegistryUri.parse("mongodb://alice:s3cret@db.example.org:27018/peers?authSource=admin");

        assertThat(uri.address()).isEqualTo("db.example.org:27018");
        assertThat(uri.toString()).isEqualTo("mongodb://db.example.org:27018").doesNotContain("s3cret");
        assertThat(uri.hasCredentials()).isTrue();
        assertThat(uri.databaseOr("fallback")).isEqualTo("peers");
    }

    @Test
    void defaultPortAndDatabaseAreFilledIn() {
        RegistryUri uri = RegistryUri.parse("  mongodb://db.example.org  ");

        assertThat(uri.address()).isEqualTo("db.example.org:27017");
        assertThat(uri.databaseOr(RegistryUri.DEFAULT_DATABASE)).isEqualTo("peershelf");
        assertThat(uri.hasCredentials()).isFalse();
    }

    @Test
    void severalHostsAndIpv6AreShown() {
        assertThat(RegistryUri.parse("mongodb://a.example.org,b.example.org:27018").address())
                .isEqualTo("a.example.org:27017,b.example.org:27018");
        assertThat(RegistryUri.parse("mongodb://[::1]:27019").address()).isEqualTo("[::1]:27019");
        assertThat(RegistryUri.parse("mongodb://[::1]").address()).isEqualTo("[::1]:27017");
    }

    @Test
    void srvAddressShowsTheServiceName() {
        RegistryUri uri = RegistryUri.parse("mongodb+srv://cluster0.example.org/peershelf");

        assertThat(uri.isSrv()).isTrue();
        assertThat(uri.address()).isEqualTo("cluster0.example.org");
        assertThat(uri.toString()).isEqualTo("mongodb+srv://cluster0.example.org");
    }

    private static Problem problemOf(String typed) {
        return catchThrowableOfType(InvalidRegistryUriException.class, () -> RegistryUri.parse(typed)).problem();
    }
}
