package io.skillsync.cxone;

import java.time.Instant;
import java.util.List;

import org.jboss.logging.Logger;

/**
 * Whether CXone's "changed since" filter on a skill's holders ({@code GET /skills/{skillId}/agents}) can be
 * trusted on this tenant (setting {@code skillsync.cxone.reads.changed-holders}): {@code probed} once a
 * comparison with a whole read has shown that it returns every assignment changed since, {@code on} once it
 * is served at all, {@code off} never. Which name it honours is asked once, with a date a day ahead.
 */
final class HoldersFilter {

    private static final Logger LOG = Logger.getLogger(HoldersFilter.class);

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

    /** The query that asks what changed since {@code at} (the watermark, less the overlap). */
    String since(Instant at) {
        return ChangedSince.query(name, at);
    }

    /**
     * Asks once which name CXone honours ({@link ChangedSince#honoured}).
     *
     * @return the requests it took; afterwards {@link #named()} says whether one is honoured
     */
    int ask(CxonePages cxone, String path) {
        if (name != null) {
            return 0;
        }
        ChangedSince.Honoured honoured = ChangedSince.honoured(cxone, path, null, CurrentAssignments.LIST);
        if (honoured.name() != null) {
            name = honoured.name();
            return honoured.requests();
        }
        name = "";
        trust = Trust.REFUSED;
        LOG.warnf("CXone honours neither updatedSince nor updateSince on GET %s (%s): a skill's holders are read whole"
                + " at every run", path, honoured.seen());
        return honoured.requests();
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
