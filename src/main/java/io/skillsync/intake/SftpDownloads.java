package io.skillsync.intake;

import java.io.File;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;

import io.skillsync.config.SkillSyncConfig;

/**
 * The remote files already downloaded (name, size and time), kept on disk under the work dir, so that a
 * file whose remote move failed is not downloaded again after a restart or by the other replica.
 */
@ApplicationScoped
public class SftpDownloads {

    @Produces
    @ApplicationScoped
    @Named("sftpDownloads")
    IdempotentRepository sftpDownloads(SkillSyncConfig config) {
        return repository(config);
    }

    /** A unit's own memory of its downloads, under its own work dir. */
    public static IdempotentRepository repository(SkillSyncConfig config) {
        File store = new File(config.workDir(), ".sftp-downloads");
        return FileIdempotentRepository.fileIdempotentRepository(store, 100_000);
    }
}
