package org.onedoor.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.hall.HallDirectory;

class HallOptionTest {

    private static final Hall ZHUMADIAN = new Hall(Hall.DEFAULT_ID, "驻马店市民之家", "Zhumadian Citizen Center", "");
    private static final Hall XIPING = new Hall("xiping", "西平县便民服务中心", "Xiping County Service Center", "");

    private final HallDirectory halls = new HallDirectory() {
        @Override
        public List<Hall> halls() {
            return List.of(ZHUMADIAN, XIPING);
        }

        @Override
        public Optional<Hall> hall(String hallId) {
            return halls().stream().filter(h -> h.id().equals(hallId)).findFirst();
        }

        @Override
        public Hall defaultHall() {
            return ZHUMADIAN;
        }
    };

    @Test
    void leftOutMeansTheDefaultHall() {
        assertEquals(Hall.DEFAULT_ID, HallOption.of(halls, null));
        assertEquals(Hall.DEFAULT_ID, HallOption.of(halls, Hall.DEFAULT_ID));
        assertEquals("", HallOption.suffix(Hall.DEFAULT_ID));
    }

    @Test
    void aServedHallIsTaken() {
        assertEquals("xiping", HallOption.of(halls, "xiping"));
        assertEquals(" in hall xiping", HallOption.suffix("xiping"));
    }

    @Test
    void anUnknownHallIsRefusedNamingTheServedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HallOption.of(halls, "atlantis"));
        assertTrue(e.getMessage().startsWith("unknown-hall:"), e.getMessage());
        assertTrue(e.getMessage().contains("zhumadian, xiping"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HallOption.of(halls, "Not A Hall"));
    }

    @Test
    void zonesOfAConfiguredHallAreNotSwitchedByFeatures() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ZoneSwitchCommand.run(null, null, null, "xiping", "police", false));
        assertTrue(e.getMessage().contains("org.onedoor.hall.site~xiping.cfg"), e.getMessage());
    }
}
