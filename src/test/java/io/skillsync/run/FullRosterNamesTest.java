package io.skillsync.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which files are full rosters: by their name, or by the glob for exports whose name HR cannot change. */
class FullRosterNamesTest {

    @Test
    void aFullRosterSaysSoInItsNameInAnyCaseAndMayBeADryRun() {
        assertTrue(FullRoster.named("retention.full.csv", Optional.empty()));
        assertTrue(FullRoster.named("Team North.FULL.xlsx", Optional.empty()));
        assertTrue(FullRoster.named("retention.full.dryrun.csv", Optional.empty()));
        assertFalse(FullRoster.named("retention.csv", Optional.empty()));
        assertFalse(FullRoster.named("fullness.csv", Optional.empty()), "full is a part of the name, not a word in it");
        assertFalse(FullRoster.named("retention.full.csv.txt", Optional.empty()));
    }

    @Test
    void anExportWhoseNameHrCannotChangeIsFullByTheGlob() {
        assertTrue(FullRoster.named("nightly-2026-12-07.csv", Optional.of("nightly-*.csv")));
        assertFalse(FullRoster.named("changes-2026-12-07.csv", Optional.of("nightly-*.csv")));
        assertFalse(FullRoster.named("nightly.csv", Optional.of(" ")), "a blank glob names no file");
    }
}
