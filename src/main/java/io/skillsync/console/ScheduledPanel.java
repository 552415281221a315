package io.skillsync.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.config.WorkFolders;
import io.skillsync.intake.ScheduledRosters;
import io.skillsync.record.ReleaseBook;
import io.skillsync.record.RunRecords;

/**
 * The files waiting under scheduled/ for their time, as an operator reads them (what, when, how many rows),
 * and the cancel an operator may make of one: {@link ScheduledRosters} moves it to error/ with the reason, and
 * the cancel is written to the operators' actions like a release, so nothing scheduled goes unrecorded.
 */
@ApplicationScoped
public class ScheduledPanel {

    /** The current unit's settings, read at each call. */
    private final SkillSyncConfig config;

    static final String LATER = "rows effective later";
    static final String UNTIL_ENDS = "end of a temporary change";
    /** Rows are counted in at most this much of a file: the page stays quick whatever waits there. */
    static final long MOST_COUNTED_BYTES = 8L << 20;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * A scheduled file as the console shows it. {@code rows} are its lines after the header, or at least that
     * many when {@code more} (the file is over what is counted); -1 when it could not be read.
     */
    public record Scheduled(String name, String dueUtc, String dueLocal, String kind, long rows, boolean more) {
    }

    private final ScheduledRosters scheduled;
    private final OperatorActions actions;

    ScheduledPanel(ScheduledRosters scheduled, OperatorActions actions, SkillSyncConfig config) {
        this.config = config;
        this.scheduled = scheduled;
        this.actions = actions;
        // the zone a roster's dates are read in: an operator checks a due time against the date HR wrote
    }

    /** The scheduled files, soonest first. */
    public List<Scheduled> all() throws IOException {
        List<Scheduled> shown = new ArrayList<>();
        for (ScheduledRosters.Scheduled file : scheduled.list()) {
            long[] rows = rows(folder().resolve(file.name()));
            if (rows == null) {
                // it moved into the inbox (its time came) while the page was read
                continue;
            }
            shown.add(new Scheduled(file.name(), file.due().toString(), LOCAL.format(file.due().atZone(zone())) + " " + zone().getId(),
                    RunRecords.endsATemporaryChange(folder().resolve(file.name())) ? UNTIL_ENDS : LATER, rows[0], rows[1] == 1));
        }
        return shown;
    }

    /** Cancels {@code scheduled/<name>}: it moves to error/ with the reason naming {@code who}, and the cancel is recorded. */
    public void cancel(String name, String who) throws IOException, WaitingRosters.Refused {
        if (!WaitingRosters.plainName(name)) {
            throw new WaitingRosters.Refused(400, ConsoleMessage.BAD_NAME, "a plain file name of scheduled/ is expected");
        }
        boolean cancelled;
        try {
            cancelled = scheduled.cancel(name, who);
        } catch (NoSuchFileException e) {
            // its time came between the look and the move: it is in the inbox now, not cancelled
            cancelled = false;
        }
        if (!cancelled) {
            throw new WaitingRosters.Refused(404, ConsoleMessage.NOT_SCHEDULED, "scheduled/" + name + " is not scheduled:"
                    + " no such file waits there (it may have run already, or been cancelled)");
        }
        actions.record(who, "cancel", "scheduled/" + name, ReleaseBook.sha256(errors().resolve(name)));
    }

    /**
     * Lines after the header, counted in the first {@link #MOST_COUNTED_BYTES}, and 1 when there is more; null
     * if it is gone. A file that cannot be read counts -1 rows rather than keep the whole page from showing.
     */
    static long[] rows(Path file) {
        long lines = 0;
        long read = 0;
        int last = '\n';
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            int n;
            while (read < MOST_COUNTED_BYTES && (n = in.read(buffer, 0, (int) Math.min(buffer.length, MOST_COUNTED_BYTES - read))) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[n - 1];
                read += n;
            }
            boolean more = in.read() >= 0;
            // a last line without its newline is a line too; the header is not a row
            long all = lines + (last != '\n' ? 1 : 0);
            return new long[] { Math.max(0, all - 1), more ? 1 : 0 };
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return new long[] { -1, 0 };
        }
    }

    private Path folder() {
        return Path.of(config.workDir()).resolve(WorkFolders.SCHEDULED);
    }

    private Path errors() {
        return Path.of(config.workDir()).resolve(WorkFolders.ERROR);
    }

    private ZoneId zone() {
        return config.roster().zoneId();
    }
}
