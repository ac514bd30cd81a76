package dev.migrate.autogen.entity.springdata.named;

import org.springframework.data.relational.core.mapping.NamingStrategy;
import org.springframework.data.relational.core.mapping.RelationalPersistentEntity;

/** The project's naming strategy: every table in an {@code app_} prefix, the back-references with {@code _ref}. */
public class PrefixedNames implements NamingStrategy {
    @Override
    public String getTableName(Class<?> type) {
        return "app_" + NamingStrategy.super.getTableName(type);
    }

    @Override
    public String getReverseColumnName(RelationalPersistentEntity<?> owner) {
        return owner.getType().getSimpleName().toLowerCase(java.util.Locale.ROOT) + "_ref";
    }
}
