package io.skillsync.run;

import org.apache.camel.ExchangeProperty;

import io.skillsync.config.SkillSyncConfig;
import io.skillsync.roster.RosterRecord;

/**
 * The real validator, except that a row naming {@code explode@bug.invalid} throws as a bug would: the
 * tests' way to meet an unexpected exception in the middle of a run (HostileFilesTest installs it with
 * QuarkusMock for one test; a CDI alternative of the same bean name would trip Qute's build-time check).
 */
public class ExplodingRowValidator extends RowValidator {

    public static final String TRIGGER = "explode@bug.invalid";
    /** A row naming this throws an Error, as a heap that ran out would. */
    public static final String ERROR_TRIGGER = "heap@bug.invalid";


    public ExplodingRowValidator(SkillSyncConfig config) {
        super(config);
    }

    @Override
    public RowRequest validate(RosterRecord record, @ExchangeProperty(RunProperties.RUN) Run run) {
        if (record.cells().contains(ERROR_TRIGGER)) {
            throw new OutOfMemoryError("simulated: the heap ran out on line " + record.line());
        }
        if (record.cells().contains(TRIGGER)) {
            throw new IllegalStateException("a bug met on line " + record.line());
        }
        return super.validate(record, run);
    }
}
