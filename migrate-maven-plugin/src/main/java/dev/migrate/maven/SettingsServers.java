package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.command.NearestName;
import dev.migrate.command.database.ConnectionResolver;
import java.util.List;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.jspecify.annotations.Nullable;

/** The servers of settings.xml, their passwords decrypted, as the credentials of a {@code serverId}. */
record SettingsServers(@Nullable Settings settings, SettingsDecrypter decrypter) implements ConnectionResolver.Servers {

    @Override
    public ConnectionResolver.Credentials credentials(String serverId) {
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            List<String> ids = settings == null
                    ? List.of()
                    : settings.getServers().stream().map(Server::getId).sorted().toList();
            throw new MigrateException("settings.xml has no <server> with the id '" + serverId + "'"
                    + (ids.isEmpty()
                            ? ": it has no <server> at all. Add one under <servers> with <username> and <password>."
                            : "; its servers are " + String.join(", ", ids) + ". Fix serverId"
                                    + NearestName.closest(serverId, ids, Integer.MAX_VALUE)
                                            .map(id -> " (did you mean " + id + "?)")
                                            .orElse("")
                                    + ", or add a <server> with that id under <servers>."));
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new MigrateException(
                        "The password of the <server> '" + serverId
                                + "' in settings.xml could not be decrypted: " + problem.getMessage()
                                + ". Check settings-security.xml (or -Dsettings.security) and re-encrypt it with mvn --encrypt-password.");
            }
        }
        Server decrypted = result.getServer();
        return new ConnectionResolver.Credentials(decrypted.getUsername(), decrypted.getPassword());
    }
}
