package io.skillsync.cxone;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jboss.logging.Logger;

/**
 * Whether CXone's "changed since" filter on a skill's holders ({@code GET /skills/{skillId}/agents}) can be
 * trusted on this tenant (setting {@code skillsync.cxone.reads.changed-holders}): {@code probed} once a
 * comparison with a whole read has shown that it returns every assignment changed since, {@code on} once it
 * is served at all, {@code off} never. Which name it honours is asked once, with a date a day ahead.
 */
final class HoldersFilter {

    private static final Logger LOG = Logger.getLogger(CurrentAssignments.class);

    private enum Trust { UNPROVEN, PROVEN, REFUSED }

    private final String mode;
    private volatile Trust trust = Trust.UNPROVEN;
    /** The name CXone honours; null until asked, "" when it honours none. */
    private volatile String name;

    HoldersFilter(String mode) {
        if (!List.of("probed", "on", "off").contains(mode)) {
            throw new IllegalArgumentException("skillsync.cxone.reads.changed-holders must be probed, on or off, was " + mode);
        }
        this.mode = mode;
    }

    /** A kept skill may be asked only what changed. */
    boolean usable() {
        return switch (mode) {
            case "on" -> name != null && !name.isEmpty();
            case "probed" -> trust == Trust.PROVEN;
            default -> false;
        };
    }

    /** A skill's holders are worth keeping after a whole read. */
    boolean keeps() {
        return !mode.equals("off") && trust != Trust.REFUSED;
    }

    /** A whole read of a kept skill is to be compared with the filter's answer. */
    boolean wantsProof() {
        return mode.equals("probed") && trust == Trust.UNPROVEN;
    }

    /** In mode {@code on}, the name is asked before the first kept skill is read. */
    boolean wantsName() {
        return mode.equals("on") && name == null;
    }

    /** The query that asks what changed since {@code at} (the watermark, less two minutes of overlap). */
    String since(Instant at) {
        return name + "=" + at.minus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Asks once which name CXone honours: {@code updatedSince} (what NICE's SDK sends), else
     * {@code updateSince}. Holders in the answer mean the name is ignored; a 4xx means it is not served.
     *
     * @return the requests it took; afterwards {@link #named()} says whether one is honoured
     */
    int ask(CxonePages cxone, String path) {
        if (name != null) {
            return 0;
        }
        String tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).toString();
        int requests = 0;
        for (String candidate : new String[] { "updatedSince", "updateSince" }) {
            try {
                requests++;
                if (cxone.page(path, candidate + "=" + tomorrow, CurrentAssignments.LIST, 0, 1).items().size() == 0) {
                    name = candidate;
                    return requests;
                }
            } catch (CxoneException e) {
                if (e.status() / 100 != 4) {
                    throw e;
                }
            }
        }
        name = "";
        trust = Trust.REFUSED;
        LOG.warnf("CXone honours neither updatedSince nor updateSince on GET %s: a skill's holders are read whole"
                + " at every run", path);
        return requests;
    }

    boolean named() {
        return name != null && !name.isEmpty();
    }

    /** The comparison's result: {@code missed} of {@code differences} changes were not in the filter's answer. */
    void judge(String path, int differences, int missed) {
        if (missed > 0) {
            trust = Trust.REFUSED;
            LOG.warnf("CXone's %s on GET %s left out %d of %d assignment(s) changed since the last read: a skill's"
                    + " holders are read whole from now on", name, path, missed, differences);
        } else if (differences > 0) {
            trust = Trust.PROVEN;
            LOG.infof("CXone's %s on GET %s returned each of %d assignment(s) changed since the last read: from now on"
                    + " a skill read before is asked its count and what changed since", name, path, differences);
        }
    }
}
