package io.skillsync.intake;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;

import io.skillsync.SkillSyncConfig;

/**
 * The lock that makes one replica of several the one that takes files (the {@code master:} endpoints of
 * the routes). It lives in the shared work dir, known only at run time, so it is made here rather than by
 * the extension's build-time settings. The operating system frees a dead process's lock, so a standby
 * takes over within one {@code skillsync.cluster.acquire-lock-interval}.
 */
@ApplicationScoped
public class ClusterLock {

    @Produces
    @Singleton
    CamelClusterService fileLock(SkillSyncConfig config) {
        FileLockClusterService service = new FileLockClusterService();
        service.setId("skillsync-" + ProcessHandle.current().pid());
        service.setRoot(Path.of(config.workDir(), ".cluster").toString());
        service.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
        service.setAcquireLockInterval(config.cluster().acquireLockInterval(), TimeUnit.MILLISECONDS);
        return service;
    }
}
