package dev.migrate.imports.liquibase;

import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.custom.CustomChangeWrapper;
import liquibase.database.Database;
import liquibase.exception.CustomChangeException;
import liquibase.parser.core.ParsedNode;
import liquibase.parser.core.ParsedNodeException;
import liquibase.resource.ResourceAccessor;
import org.jspecify.annotations.Nullable;

/**
 * Liquibase's {@code customChange} for reading only: the project's change class is not on the import's path, and
 * Liquibase's own wrapper fails the whole changelog when it cannot load it. This one keeps the class name, so the
 * changeset is read and refused by name rather than the changelog unreadable. Runs in the tool's loader only.
 */
@DatabaseChange(
        name = "customChange",
        description = "A custom change whose class may be absent, kept by name for the import",
        priority = ChangeMetaData.PRIORITY_DEFAULT + 50)
public final class LenientCustomChange extends CustomChangeWrapper {
    private @Nullable String absentClass;

    @Override
    public CustomChangeWrapper setClass(@Nullable String className) throws CustomChangeException {
        try {
            return super.setClass(className);
        } catch (CustomChangeException e) {
            absentClass = className;
            return this;
        }
    }

    @Override
    public String getClassName() {
        String loaded = super.getClassName();
        return loaded != null ? loaded : String.valueOf(absentClass);
    }

    /**
     * Its params as Liquibase's wrapper reads them, without the class Liquibase then loads to match further
     * attributes to its properties: only its name matters to the import.
     */
    @Override
    public void customLoadLogic(ParsedNode parsedNode, ResourceAccessor resourceAccessor) throws ParsedNodeException {
        if (absentClass == null) {
            super.customLoadLogic(parsedNode, resourceAccessor);
            return;
        }
        ParsedNode params = parsedNode.getChild(null, "params");
        for (ParsedNode param : (params == null ? parsedNode : params).getChildren(null, "param")) {
            Object value = param.getValue();
            if (value == null) {
                value = param.getChildValue(null, "value");
            }
            String name = param.getChildValue(null, "name", String.class);
            if (name != null) {
                setParam(name, value == null ? null : value.toString());
            }
        }
    }

    // Liquibase offers it only where its own wrapper would serve
    @Override
    public boolean supports(Database database) {
        return true;
    }
}
