package dev.migrate.maven;

import org.codehaus.plexus.component.configurator.BasicComponentConfigurator;
import org.codehaus.plexus.component.configurator.converters.basic.AbstractBasicConverter;

/**
 * Maven's configurator with one more converter: text to {@link Secret}. Maven's own conversion of
 * a text to an object goes through a setter that {@code mvn -X} prints with its argument; this one
 * makes the {@code Secret} directly, so the debug output shows only {@link Secret#toString()}.
 */
public class SecretAwareConfigurator extends BasicComponentConfigurator {
    static final String HINT = "migrate";

    public SecretAwareConfigurator() {
        converterLookup.registerConverter(new AbstractBasicConverter() {
            @Override
            public boolean canConvert(Class<?> type) {
                return Secret.class.equals(type);
            }

            @Override
            protected Object fromString(String text) {
                return Secret.of(text);
            }
        });
    }
}
