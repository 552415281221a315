package io.skillsync.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.camel.Exchange;

import io.skillsync.record.ReleaseBook;

/**
 * Names where a run's file and its record go in the work dir ({@code processed/<date>/}, {@code hold/},
 * {@code error/}), and hands the file over to the file consumer that moves it there.
 */
final class RunArchive {

    private final Path workDir;

    RunArchive(Path workDir) {
        this.workDir = workDir;
    }

    static String baseName(Run run) {
        String name = run.fileName();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The file's own name in {@code dir}, or with the runId when that name is taken. */
    static Path free(Path dir, Run run) {
        Path target = dir.resolve(run.fileName());
        if (!Files.exists(target)) {
            return target;
        }
        String name = run.fileName();
        int dot = name.lastIndexOf('.');
        return dir.resolve(dot > 0 ? baseName(run) + "." + run.id() + name.substring(dot) : name + "." + run.id());
    }

    /**
     * The file leaves the inbox for {@code target} when the route ends, as the consumer moves it. If the
     * inbox now holds other content under that name (replaced mid-run), the run's own copy goes to
     * {@code target} instead and the new content stays in the inbox for the next run.
     */
    void handOver(Run run, Exchange exchange, Path target) throws IOException {
        if (Files.isRegularFile(run.inboxFile()) && ReleaseBook.sha256(run.inboxFile()).equals(run.sha256())) {
            exchange.setProperty(RunProperties.ARCHIVE, fromInbox(target));
            scratch(run);
            return;
        }
        Files.createDirectories(target.getParent());
        Files.move(run.file(), target, StandardCopyOption.ATOMIC_MOVE);
        scratch(run);
        throw new RunReport.FileReplacedException("run " + run.id() + ": inbox/" + run.fileName() + " was replaced while it ran;"
                + " the run's record is of the content it picked up (sha256 " + run.sha256() + ", now " + relative(target)
                + "), and the new content stays in inbox/ for the next run");
    }

    /** The run's own copy of its file, once the file has been handed over (or stays in the inbox). */
    void scratch(Run run) throws IOException {
        if (run.file().equals(run.inboxFile())) {
            // a file over the size limit is read in place, unread past its size: there is no copy
            return;
        }
        Files.deleteIfExists(run.file());
        Files.deleteIfExists(run.file().getParent());
    }

    String relative(Path path) {
        return workDir.relativize(path).toString().replace('\\', '/');
    }

    private String fromInbox(Path path) {
        return "../" + relative(path);
    }
}
