package org.onedoor.cluster.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NodeIdentityTest {

    @Test
    void generatedIdIsKeptAcrossRestarts() throws Exception {
        Path data = Files.createTempDirectory("node");
        String first = NodeIdentity.resolve("", data);
        assertTrue(first.startsWith("node-"));
        assertEquals(first, NodeIdentity.resolve(" ", data));
    }

    @Test
    void configuredIdWinsAndIsChecked() throws Exception {
        Path data = Files.createTempDirectory("node");
        assertEquals("hall-a", NodeIdentity.resolve("hall-a", data));
        assertThrows(IllegalArgumentException.class, () -> NodeIdentity.resolve("bad id!", data));
    }
}
