package io.skillsync.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.config.WorkFolders;
import io.skillsync.record.ReleaseBook;
import io.skillsync.record.RunRecords;

/**
 * The roster files waiting in {@code inbox/}, {@code error/} and {@code hold/}, and the two things an
 * operator does with them: rerun a file of error/ and release a held one. Each does what moving the file
 * by hand does (into the inbox); a release also records, in approvals/, that this user released exactly
 * this content (ReleaseBook), and both are written to the operator actions of the audit.
 */
@ApplicationScoped
public class WaitingRosters {

    /** The current unit's settings, read at each call. */
    private final SkillSyncConfig config;

    private static final Logger LOG = Logger.getLogger(WaitingRosters.class);
    static final List<String> FOLDERS = List.of("inbox", "error", "hold");

    /** A file waiting; for a held or set-aside file, why (its {@code .reason.txt}), else null. */
    public record Waiting(String folder, String name, long bytes, String reason) {
    }

    /** Why a move was refused, with the HTTP status that says it. */
    public static final class Refused extends Exception {
        private final int status;
        private final ConsoleMessage says;

        /** {@code message} for scripts (/ops), {@code says} for the console's page. */
        Refused(int status, ConsoleMessage says, String message) {
            super(message);
            this.status = status;
            this.says = says;
        }

        public int status() {
            return status;
        }

        public ConsoleMessage says() {
            return says;
        }
    }

    private final ReleaseBook releases;
    private final OperatorActions actions;

    WaitingRosters(SkillSyncConfig config, ReleaseBook releases, OperatorActions actions) {
        this.config = config;
        this.releases = releases;
        this.actions = actions;
    }

    /** What waits in each folder, by name. */
    public Map<String, List<Waiting>> all() throws IOException {
        Map<String, List<Waiting>> folders = new LinkedHashMap<>();
        for (String folder : FOLDERS) {
            List<Waiting> files = new ArrayList<>();
            Path dir = workDir().resolve(folder);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> list = Files.list(dir)) {
                    for (Path file : list.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                            .filter(f -> !f.getFileName().toString().startsWith("."))
                            .filter(f -> !f.getFileName().toString().endsWith(RunRecords.REASON)).sorted().toList()) {
                        String name = file.getFileName().toString();
                        files.add(new Waiting(folder, name, Files.size(file), folder.equals("inbox") ? null : reason(dir, name)));
                    }
                }
            }
            folders.put(folder, files);
        }
        return folders;
    }

    /** Reruns {@code error/<file>}: it moves into the inbox. */
    public String rerun(String file, String who) throws IOException, Refused {
        Path from = existing("error", file);
        String to = move(from, file);
        actions.record(who, "rerun", "error/" + file, ReleaseBook.sha256(workDir().resolve(WorkFolders.INBOX).resolve(to)));
        return to;
    }

    /** Releases {@code hold/<file>} deliberately: the release of its content is recorded, then it moves into the inbox. */
    public String release(String file, String who) throws IOException, Refused {
        Path from = existing("hold", file);
        // the operator releases the limits the reason names, as shown on the console: no others
        ReleaseBook.Release release = releases.approve(from, who, reason(from.getParent(), file)).orElse(null);
        if (release == null) {
            actions.record(who, "release requested", "hold/" + file, ReleaseBook.sha256(from));
            throw new Refused(202, ConsoleMessage.RELEASE_REQUESTED, "the release of hold/" + file + " is asked for by " + who + ": under the two-person rule"
                    + " another operator releases it too, and then it moves into the inbox");
        }
        String to;
        try {
            to = move(from, file);
        } catch (IOException | Refused e) {
            // a release that did not happen approves nothing (before: the content passed whenever it came again)
            releases.withdraw(release);
            actions.record(who, "release refused (" + e.getMessage() + ")", "hold/" + file, release.sha256());
            throw e;
        }
        actions.record(who, "release", "hold/" + file, release.sha256());
        return to;
    }

    /** A waiting file, checked: a plain .csv name of one of the folders, a regular file there. */
    Path existing(String folder, String file) throws Refused {
        if (!FOLDERS.contains(folder) || !plainName(file) || !file.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            throw new Refused(400, ConsoleMessage.BAD_NAME, "a plain .csv file name of " + folder + "/ is expected");
        }
        Path path = workDir().resolve(folder).resolve(file);
        if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refused(404, ConsoleMessage.NO_SUCH_FILE, folder + "/" + file + " does not exist");
        }
        return path;
    }

    private String move(Path from, String as) throws IOException, Refused {
        Path to = workDir().resolve(WorkFolders.INBOX).resolve(as);
        if (Files.exists(to)) {
            throw new Refused(409, ConsoleMessage.INBOX_TAKEN, "inbox/" + as + " exists already");
        }
        Files.createDirectories(to.getParent());
        Files.move(from, to);
        LOG.infof("moved %s/%s to inbox/%s", from.getParent().getFileName(), from.getFileName(), as);
        return as;
    }

    private static String reason(Path hold, String name) {
        // RunReport names it <base>.<runId>.reason.txt beside the held <base>.csv (or <base>-<runId>.csv when taken)
        String base = name.replaceFirst("(?i)\\.csv$", "");
        try (Stream<Path> list = Files.list(hold)) {
            return list.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(RunRecords.REASON) && (n.startsWith(base + ".") || base.startsWith(n.substring(0, n.indexOf('.')) + "-")))
                    .sorted(java.util.Comparator.reverseOrder()).findFirst().map(n -> {
                        try {
                            return Files.readString(hold.resolve(n), StandardCharsets.UTF_8).strip();
                        } catch (IOException e) {
                            return "(its reason file could not be read: " + e.getMessage() + ")";
                        }
                    }).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    static boolean plainName(String file) {
        return file != null && !file.isBlank() && !file.contains("/") && !file.contains("\\") && !file.startsWith(".")
                && !file.contains("..") && file.chars().noneMatch(Character::isISOControl);
    }

    private Path workDir() {
        return Path.of(config.workDir());
    }
}
