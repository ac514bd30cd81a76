package dev.migrate.command.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityClassLoaderTest {
    /** A parent that records what it is asked for. */
    private static final class Recording extends ClassLoader {
        final List<String> asked = new ArrayList<>();

        Recording() {
            super(ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            asked.add(name);
            return super.loadClass(name, resolve);
        }
    }

    @Test
    void anAbsentClassAskedForAgainIsAnsweredWithoutLookingAgain() throws Exception {
        Recording parent = new Recording();
        try (EntityClassLoader loader = new EntityClassLoader("test", new URL[0], parent)) {
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> Class.forName("shop.package-info", false, loader))
                        .isInstanceOf(ClassNotFoundException.class)
                        .hasMessageContaining("shop.package-info");
            }

            assertThat(parent.asked).containsExactly("shop.package-info");
        }
    }

    @Test
    void aPresentClassIsLoadedAsEver() throws Exception {
        Recording parent = new Recording();
        try (EntityClassLoader loader = new EntityClassLoader("test", new URL[0], parent)) {
            assertThat(Class.forName("java.sql.Connection", false, loader)).isSameAs(java.sql.Connection.class);
            assertThat(Class.forName("java.sql.Connection", false, loader)).isSameAs(java.sql.Connection.class);
        }
    }
}
