package org.onedoor.web.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

public class CredentialsTest {

    private static String basic(String s) {
        return "Basic " + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsUserAndPasswordWithColonsInThePassword() {
        JaasWebAccess.Credentials c = JaasWebAccess.Credentials.fromBasic(basic("operator:pa:ss"));
        assertEquals("operator", c.user());
        assertEquals("pa:ss", c.password());
    }

    @Test
    void ignoresMissingOrMalformedHeaders() {
        assertNull(JaasWebAccess.Credentials.fromBasic(null));
        assertNull(JaasWebAccess.Credentials.fromBasic("Bearer abc"));
        assertNull(JaasWebAccess.Credentials.fromBasic("Basic %%%"));
        assertNull(JaasWebAccess.Credentials.fromBasic(basic("nocolon")));
    }
}
