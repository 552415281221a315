package io.skillsync.console;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.intake.RosterNames;
import io.skillsync.roster.SpreadsheetCells;

/**
 * What operators did from the console or the operations API (rerun, release, preview, apply, revert), who
 * and when, in the audit: {@code audit/<date>/operator-actions.csv} (the service's local date, as the audit
 * folders are named), one line an action, appended and
 * forced to disk before the page answers. Moving files by hand leaves no such line; these do.
 */
@ApplicationScoped
public class OperatorActions {

    /** The current unit's settings, read at each call. */
    private final SkillSyncConfig config;

    private static final Logger LOG = Logger.getLogger(OperatorActions.class);
    static final String FILE = "operator-actions.csv";
    private static final String[] HEADER = { "at", "by", "action", "file", "sha256" };

    /** One action as recorded. */
    public record Action(String at, String by, String action, String file, String sha256) {
    }


    OperatorActions(SkillSyncConfig config) {
        this.config = config;
    }

    /** Records that {@code by} did {@code action} on {@code file} (content {@code sha256}). */
    public synchronized void record(String by, String action, String file, String sha256) throws IOException {
        Instant now = Instant.now();
        Path day = audit().resolve(LocalDate.ofInstant(now, ZoneId.systemDefault()).toString());
        Files.createDirectories(day);
        Path log = day.resolve(FILE);
        boolean fresh = !Files.exists(log);
        StringBuilder line = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(line, CSVFormat.DEFAULT)) {
            if (fresh) {
                csv.printRecord((Object[]) HEADER);
            }
            // names come from people: a cell that a spreadsheet would run as a formula is neutralised
            csv.printRecord(now.toString(), SpreadsheetCells.neutralise(by), action, SpreadsheetCells.neutralise(file), sha256);
        }
        try (var channel = java.nio.channels.FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE)) {
            channel.write(StandardCharsets.UTF_8.encode(line.toString()));
            channel.force(true);
        }
        LOG.infof("operator %s: %s %s", RosterNames.forLog(by), action, RosterNames.forLog(file));
    }

    /** The newest actions first, at most {@code limit}. */
    public List<Action> latest(int limit) throws IOException {
        List<Action> actions = new ArrayList<>();
        if (!Files.isDirectory(audit())) {
            return actions;
        }
        List<Path> days;
        try (Stream<Path> list = Files.list(audit())) {
            days = list.filter(d -> Files.isRegularFile(d.resolve(FILE))).sorted(Comparator.reverseOrder()).toList();
        }
        for (Path day : days) {
            List<Action> ofDay = new ArrayList<>();
            try (Reader in = Files.newBufferedReader(day.resolve(FILE), StandardCharsets.UTF_8)) {
                for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                    ofDay.add(new Action(r.get("at"), SpreadsheetCells.restore(r.get("by")), r.get("action"),
                            SpreadsheetCells.restore(r.get("file")), r.get("sha256")));
                }
            }
            Collections.reverse(ofDay);
            for (Action action : ofDay) {
                if (actions.size() >= limit) {
                    return actions;
                }
                actions.add(action);
            }
        }
        return actions;
    }

    private Path audit() {
        return Path.of(config.workDir(), "audit");
    }
}
