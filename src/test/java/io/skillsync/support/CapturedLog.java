package io.skillsync.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the service logs under one category while a test runs, in this JVM (the @QuarkusTest's service shares
 * the JBoss log manager): for tests that check what a line says, and what it must never say.
 */
public final class CapturedLog extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private CapturedLog(String category) {
        this.logger = Logger.getLogger(category);
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    public static CapturedLog of(String category) {
        return new CapturedLog(category);
    }

    /** The formatted lines at WARN (or above) so far. */
    public List<String> warnings() {
        return records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue()).map(CapturedLog::text).toList();
    }

    /** Every formatted line so far, whatever its level. */
    public List<String> lines() {
        return records.stream().map(CapturedLog::text).toList();
    }

    private static String text(LogRecord record) {
        Object[] parameters = record.getParameters();
        String message = record.getMessage() == null ? "" : record.getMessage();
        if (parameters == null || parameters.length == 0) {
            return message;
        }
        try {
            // JBoss Logging's f-methods hand over printf patterns, its plain ones {0}-style
            return message.contains("%") ? String.format(message, parameters) : java.text.MessageFormat.format(message, parameters);
        } catch (RuntimeException e) {
            return message + " " + java.util.Arrays.toString(parameters);
        }
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
