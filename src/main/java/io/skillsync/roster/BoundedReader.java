package io.skillsync.roster;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Refuses a record longer than the limit while it is being read, before the CSV parser holds it whole: a
 * 140 MB quoted field would otherwise exhaust the heap (and, with ExitOnOutOfMemoryError, crash every
 * replica in turn). A record ends at a line break outside quotes; quoted line breaks belong to it.
 */
final class BoundedReader extends FilterReader {

    private final int limit;
    private boolean quoted;
    private int length;

    BoundedReader(Reader in, int limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            see((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int count) throws IOException {
        int read = super.read(buffer, offset, count);
        for (int i = 0; i < read; i++) {
            see(buffer[offset + i]);
        }
        return read;
    }

    private void see(char c) throws IOException {
        if (c == '"') {
            // a doubled quote inside a quoted field toggles twice: the state is right after the pair
            quoted = !quoted;
        }
        if (c == '\n' && !quoted) {
            length = 0;
        } else if (++length > limit) {
            throw new IOException("a record longer than " + limit + " characters (skillsync.intake.max-record-length):"
                    + " a runaway quoted field or a file that is not a roster");
        }
    }
}
