package io.skillsync.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;

import io.skillsync.config.SftpSettings;
import io.skillsync.config.SkillSyncConfig;

/**
 * The SFTP password and key passphrase, handed to the SFTP endpoint as beans ({@code #bean:sftpPassword})
 * rather than through a property placeholder in the route: a placeholder's value becomes part of the
 * endpoint URI, which Camel logs (at start-up and at DEBUG). Read from a mounted file when one is named,
 * else from the setting (an environment variable); a trailing line end of the file is not part of it.
 */
@ApplicationScoped
public class SftpSecrets {

    private final SftpSettings sftp;

    SftpSecrets(SkillSyncConfig config) {
        this.sftp = config.sftp();
    }

    @Produces
    @Dependent
    @Named("sftpPassword")
    public String password() {
        return secret(sftp.passwordFile(), sftp.password());
    }

    @Produces
    @Dependent
    @Named("sftpPassphrase")
    public String passphrase() {
        return secret(sftp.privateKeyPassphraseFile(), sftp.privateKeyPassphrase());
    }

    private static String secret(Optional<String> file, Optional<String> value) {
        Optional<String> path = file.filter(f -> !f.isBlank());
        if (path.isPresent()) {
            try {
                return Files.readString(Path.of(path.get()), StandardCharsets.UTF_8).replaceAll("[\\r\\n]+$", "");
            } catch (IOException e) {
                // the path may be said; the content never is
                throw new UncheckedIOException("cannot read the SFTP secret file " + path.get(), e);
            }
        }
        return value.orElse("");
    }
}
