package org.onedoor.cluster.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemberListTest {

    @Test
    void parsesEachHostPortAndSkipsBlanks() {
        assertEquals(List.of("127.0.0.1:5701", "127.0.0.1:5702"), MemberList.parse(" 127.0.0.1:5701, ,127.0.0.1:5702 "));
        assertEquals(List.of(), MemberList.parse(""));
    }

    @Test
    void refusesPortRangesWithAMessageThatSaysWhatToDo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MemberList.parse("127.0.0.1:5701-5703"));
        assertTrue(e.getMessage().contains("list each member as host:port"), e.getMessage());
    }

    @Test
    void refusesEntriesWithoutPort() {
        assertThrows(IllegalArgumentException.class, () -> MemberList.parse("127.0.0.1"));
    }
}
