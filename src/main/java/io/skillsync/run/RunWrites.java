package io.skillsync.run;

/** When a run's writes happened and how many, and where its progress log line last stood (read by RunProgress). */
public final class RunWrites {

    private long lastWriteMillis;
    private long firstWriteMillis;
    private int writesDone;
    private int progressTenth;
    private long progressLoggedAt;

    /** A batch was just written; read-back waits from the last such moment. */
    void wrote() {
        lastWriteMillis = System.currentTimeMillis();
        if (writesDone++ == 0) {
            firstWriteMillis = lastWriteMillis;
            progressLoggedAt = lastWriteMillis;
        }
    }

    public int done() {
        return writesDone;
    }

    long firstMillis() {
        return firstWriteMillis;
    }

    public long lastMillis() {
        return lastWriteMillis;
    }

    int progressTenth() {
        return progressTenth;
    }

    long progressLoggedAt() {
        return progressLoggedAt;
    }

    void progressLogged(int tenth, long at) {
        progressTenth = tenth;
        progressLoggedAt = at;
    }
}
