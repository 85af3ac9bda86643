package io.jfrtrace.analyzer.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmc.common.item.IItemIterable;

import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.Recording;

class ChunkedRecordingTest {
    @Name("jfrtrace.test.Tick")
    static final class Tick extends Event {
        int n;
    }

    @TempDir
    Path tmp;

    private Path recordTicks(int count) throws Exception {
        Path f = tmp.resolve("ticks.jfr");
        try (Recording r = new Recording()) {
            r.enable(Tick.class);
            r.start();
            for (int i = 0; i < count; i++) {
                Tick t = new Tick();
                t.n = i;
                t.commit();
            }
            r.stop();
            r.dump(f);
        }
        return f;
    }

    private static long ticks(Iterable<IItemIterable> byType) {
        long n = 0;
        for (IItemIterable events : byType) {
            if (events.getType().getIdentifier().equals("jfrtrace.test.Tick")) {
                n += events.getItemCount();
            }
        }
        return n;
    }

    @Test
    void eachChunkIsParsedOnItsOwnSoOnlyOneChunksEventsAreEverHeld() throws Exception {
        byte[] one = Files.readAllBytes(recordTicks(500));
        Path three = tmp.resolve("three.jfr");
        byte[] all = new byte[one.length * 3];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(one, 0, all, i * one.length, one.length);
        }
        Files.write(three, all);

        ChunkedRecording rec = ChunkedRecording.open(three);
        assertEquals(3, rec.chunkCount());
        List<Long> perVisit = new ArrayList<>();
        rec.forEachChunk(byType -> perVisit.add(ticks(byType)));
        assertEquals(List.of(500L, 500L, 500L), perVisit);
    }

    @Test
    void aChunkCutShortIsReportedAsTruncatedWithItsNumber() throws Exception {
        byte[] one = Files.readAllBytes(recordTicks(10));
        Path cut = tmp.resolve("cut.jfr");
        byte[] two = Arrays.copyOf(one, one.length * 2 - 100);
        System.arraycopy(one, 0, two, one.length, one.length - 100);
        Files.write(cut, two);
        RecordingException e = assertThrows(RecordingException.class, () -> ChunkedRecording.open(cut));
        assertTrue(e.getMessage().contains("truncated recording: chunk 2"), e.getMessage());
    }
}
