package io.skillsync.roster;

/**
 * One of HR's mapping files (mappings/skills.csv, mappings/levels.csv) cannot be used as written. The run
 * stops rather than apply a half-understood mapping; the message names the file and the line to put right.
 */
public class MappingException extends RuntimeException {

    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
