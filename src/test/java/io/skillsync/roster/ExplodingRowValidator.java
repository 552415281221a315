package io.skillsync.roster;

import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Named;

import io.skillsync.SkillSyncConfig;

/**
 * The real validator, except that a row naming {@code explode@bug.invalid} throws as a bug would: the
 * tests' way to meet an unexpected exception in the middle of a run (HostileFilesTest).
 */
@Alternative
@Priority(1)
@Singleton
@Named("rowValidator")
public class ExplodingRowValidator extends RowValidator {

    public static final String TRIGGER = "explode@bug.invalid";

    ExplodingRowValidator(SkillSyncConfig config) {
        super(config);
    }

    @Override
    public RowRequest validate(RosterRecord record) {
        if (record.cells().contains(TRIGGER)) {
            throw new IllegalStateException("a bug met on line " + record.line());
        }
        return super.validate(record);
    }
}
