package org.onedoor.device.internal.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onedoor.api.device.DeviceCommand;
import org.onedoor.api.device.OpenDoor;
import org.onedoor.api.device.PrintTicket;
import org.onedoor.api.device.SelfTest;
import org.onedoor.api.device.ShowCall;

public class CommandCodecTest {

    @Test
    void everyCommandSurvivesTheOutbox() {
        for (DeviceCommand c : List.of(
                new PrintTicket("B007", "公积金区\n二楼 = east\\", 3, LocalDateTime.of(2026, 5, 6, 14, 30, 5), "https://hall/t?x=1&y=2"),
                new ShowCall("A012", 108), new OpenDoor(17), new SelfTest("技术员 tech1"))) {
            assertEquals(c, CommandCodec.decode(CommandCodec.type(c), CommandCodec.payload(c)));
        }
    }
}
