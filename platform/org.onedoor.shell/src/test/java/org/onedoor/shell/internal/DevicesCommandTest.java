package org.onedoor.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DevicesCommandTest {

    @Test
    void windowsAreShownAsRuns() {
        assertEquals("1-192", DevicesCommand.ranges(IntStream.rangeClosed(1, 192).boxed().toList()));
        assertEquals("1-3,5,97-98", DevicesCommand.ranges(List.of(98, 1, 2, 3, 5, 97, 2)));
        assertEquals("7", DevicesCommand.ranges(List.of(7)));
        assertEquals("", DevicesCommand.ranges(List.of()));
    }
}
