package org.onedoor.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorePasswordTest {

    @TempDir
    Path dir;

    private static StoreConfig config(String password, String passwordFile) {
        return new StoreConfig() {
            @Override public Class<? extends Annotation> annotationType() { return StoreConfig.class; }
            @Override public String url() { return ""; }
            @Override public String user() { return ""; }
            @Override public String password() { return password; }
            @Override public String passwordFile() { return passwordFile; }
            @Override public int maxPoolSize() { return 2; }
            @Override public int connectionTimeoutSeconds() { return 5; }
        };
    }

    @Test
    void theFileWinsAndOnlyItsFirstLineCounts() throws Exception {
        Path file = Files.writeString(dir.resolve("store.password"), "s3cret-Db pass\nsecond line\n");
        assertEquals("s3cret-Db pass", StorePassword.of(config("in-the-cfg", file.toString())));
    }

    @Test
    void withoutAFileThePasswordOfTheCfgIsUsed() {
        assertEquals("in-the-cfg", StorePassword.of(config("in-the-cfg", " ")));
    }

    @Test
    void aMissingFileIsAnErrorThatNamesIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> StorePassword.of(config("", dir.resolve("none").toString())));
        assertTrue(e.getMessage().contains("passwordFile"), e.getMessage());
    }
}
