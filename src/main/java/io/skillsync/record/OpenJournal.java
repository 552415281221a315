package io.skillsync.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A run's journal while the run goes on: its file, the sha256 of the content it runs, and the seal of its last line. */
final class OpenJournal implements AutoCloseable {

    private final FileChannel channel;
    private final String sha256;
    /** The seal of the last line written: the next line's seal covers it, so no line can be removed or moved. */
    private String chain;

    OpenJournal(Path file, String runId, String sha256) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        this.sha256 = sha256;
        // the first line's seal covers the run id: no line passes into another run's journal
        this.chain = runId;
    }

    String sha256() {
        return sha256;
    }

    /** Appends the JSON object {@code body} as one line, sealed with the line before it (JournalReplay checks the chain). */
    synchronized void append(String body, RecordSeal seal) throws IOException {
        String mac = JournalReplay.seal(seal, chain, body);
        channel.write(ByteBuffer.wrap((JournalReplay.line(body, mac) + "\n").getBytes(StandardCharsets.UTF_8)));
        // on disk before the next step: a write CXone takes is never unrecorded
        channel.force(false);
        chain = mac;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
