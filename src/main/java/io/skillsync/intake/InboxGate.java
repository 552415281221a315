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

import io.skillsync.cluster.Leadership;
import io.skillsync.config.SkillSyncConfig;

/**
 * The inbox's file filter (route {@code roster-intake}): a file is taken only inside the maintenance
 * window, only while this replica leads (a woken-up former leader takes nothing), only when its name is a safe roster name, and only when it is a regular file (not a symbolic
 * link, a directory, a FIFO or a device). Everything else is left to InboxSweep, which quarantines it.
 * A file whose last line has no line end waits until it has not changed for {@code unterminated-wait}:
 * a writer pausing mid-line would otherwise have "1" taken for "15".
 */
@ApplicationScoped
@Named("inboxGate")
public class InboxGate implements GenericFileFilter<Object> {

    /** The current unit's settings, read at each call. */
    private final SkillSyncConfig config;

    private final MaintenanceWindow window;
    private final Leadership leadership;

    InboxGate(MaintenanceWindow window, Leadership leadership, io.skillsync.config.SkillSyncConfig config) {
        this.config = config;
        this.window = window;
        this.leadership = leadership;
    }

    @Override
    public boolean accept(GenericFile<Object> file) {
        if (file.isDirectory()) {
            // the inbox itself, never a sub-folder: the consumer is not recursive
            return false;
        }
        Path path = Path.of(file.getAbsoluteFilePath());
        // the name as Camel holds it: a backslash has become a path separator by now, which the safe alphabet refuses
        return window.isOpen() && leadership.held() && RosterNames.safe(file.getFileName()) && RosterNames.safe(file.getFileNameOnly())
                && regular(path) && complete(path);
    }

    /** Ends with a line end (in UTF-8 or UTF-16), or has not changed for unterminated-wait. */
    boolean complete(Path path) {
        try (var channel = Files.newByteChannel(path)) {
            long size = channel.size();
            if (size == 0) {
                return true;
            }
            java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate((int) Math.min(2, size));
            channel.read(head);
            byte[] bom = head.array();
            if (size >= 22 && bom.length == 2 && bom[0] == 'P' && bom[1] == 'K') {
                // a workbook is a zip, which never ends with a line end: whole once its end record is there
                return zipEnds(channel, size) || stale(path);
            }
            boolean utf16 = bom.length == 2 && (bom[0] == (byte) 0xFF && bom[1] == (byte) 0xFE
                    || bom[0] == (byte) 0xFE && bom[1] == (byte) 0xFF);
            // the last character: one byte in UTF-8 (a line end is never part of a longer sequence), two in UTF-16
            java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate((int) Math.min(utf16 ? 2 : 1, size));
            channel.position(size - tail.capacity());
            channel.read(tail);
            for (byte b : tail.array()) {
                if (b == '\n' || b == '\r') {
                    return true;
                }
            }
            return stale(path);
        } catch (IOException e) {
            return false;
        }
    }

    private boolean stale(Path path) throws IOException {
        return System.currentTimeMillis() - Files.getLastModifiedTime(path).toMillis() >= unterminatedWaitMillis();
    }

    /** A zip's end-of-central-directory record ("PK\5\6") in its last 22 bytes and the comment after it. */
    static boolean zipEnds(java.nio.channels.SeekableByteChannel channel, long size) throws IOException {
        int window = (int) Math.min(size, 22 + 65_535);
        java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(window);
        channel.position(size - window);
        while (tail.hasRemaining() && channel.read(tail) > 0) {
            // read the whole tail
        }
        byte[] end = tail.array();
        for (int i = end.length - 22; i >= 0; i--) {
            if (end[i] == 'P' && end[i + 1] == 'K' && end[i + 2] == 5 && end[i + 3] == 6) {
                return true;
            }
        }
        return false;
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

    private long unterminatedWaitMillis() {
        return config.intake().unterminatedWait().toMillis();
    }
}
