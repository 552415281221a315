package io.skillsync.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each probe writes its report and raw answers into a folder of its own, even two in the same second. */
class ProbeFolderTest {

    @TempDir
    Path work;

    @Test
    void twoProbesInTheSameSecondKeepTheirAnswersApart() throws IOException {
        Path first = ConformanceProbe.freshFolder(work.resolve("probe"), "20261207T084900Z");
        Path second = ConformanceProbe.freshFolder(work.resolve("probe"), "20261207T084900Z");
        assertNotEquals(first, second);
        assertEquals("20261207T084900Z", first.getFileName().toString());
        assertEquals("20261207T084900Z-2", second.getFileName().toString());
    }
}
