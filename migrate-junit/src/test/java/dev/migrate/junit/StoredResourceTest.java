package dev.migrate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Stored values are closed by JUnit 5.12 (as CloseableResource) and 5.13+ (as AutoCloseable), once. */
class StoredResourceTest {
    @Test
    @SuppressWarnings("deprecation")
    void isBothKindsJunitClosesAndReleasesItsValueOnce() throws Throwable {
        AtomicInteger releases = new AtomicInteger();
        StoredResource<String> resource = new StoredResource<>("db", value -> releases.incrementAndGet());

        assertThat(resource)
                .isInstanceOf(AutoCloseable.class)
                .isInstanceOf(ExtensionContext.Store.CloseableResource.class);
        ((ExtensionContext.Store.CloseableResource) resource).close();
        ((AutoCloseable) resource).close();
        resource.close();

        assertThat(releases).hasValue(1);
        assertThat(resource.value()).isEqualTo("db");
    }
}
