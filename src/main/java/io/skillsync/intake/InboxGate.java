package io.skillsync.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * The inbox's file filter (route {@code roster-intake}): a file is taken only inside the maintenance
 * window, only when its name is a safe roster name, and only when it is a regular file (not a symbolic
 * link, a directory, a FIFO or a device). Everything else is left to InboxSweep, which quarantines it.
 */
@ApplicationScoped
@Named("inboxGate")
public class InboxGate implements GenericFileFilter<Object> {

    private final MaintenanceWindow window;

    InboxGate(MaintenanceWindow window) {
        this.window = window;
    }

    @Override
    public boolean accept(GenericFile<Object> file) {
        if (file.isDirectory()) {
            // the inbox itself, never a sub-folder: the consumer is not recursive
            return false;
        }
        return window.isOpen() && RosterNames.safe(file.getFileNameOnly()) && regular(Path.of(file.getAbsoluteFilePath()));
    }

    /** A regular file, not reached through a symbolic link. */
    static boolean regular(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() && !attributes.isSymbolicLink();
        } catch (IOException e) {
            return false;
        }
    }
}
