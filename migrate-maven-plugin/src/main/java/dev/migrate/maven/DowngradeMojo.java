package dev.migrate.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Reverts migrations down to a target ({@code -1}, one step, by default). With {@code -Dmigrate.sql=true} it prints the SQL instead. */
@Mojo(name = "downgrade", configurator = SecretAwareConfigurator.HINT, threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class DowngradeMojo extends AbstractScriptableMojo {

    /**
     * The revision to downgrade to: {@code -N}, {@code base}, a full or unique-prefix id or
     * {@code <id>-N}. Offline mode needs a range {@code <from>:<to>}, since there is no database to
     * say where to start.
     */
    @Parameter(property = "migrate.target", defaultValue = "-1")
    protected String target;

    @Override protected void run(ClassLoader projectClasses) {
        onlineOrOffline(projectClasses, m -> m.downgrade(target), (m, out) -> m.downgradeSql(target, out));
    }
}
