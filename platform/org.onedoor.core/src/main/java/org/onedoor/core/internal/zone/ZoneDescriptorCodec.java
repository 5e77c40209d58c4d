package org.onedoor.core.internal.zone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.io.InputStream;
import org.onedoor.api.hall.ZoneDescriptor;

/** Reads and writes zone descriptors as JSON (the format of a zone bundle's descriptor file). */
final class ZoneDescriptorCodec {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private ZoneDescriptorCodec() {
    }

    /**
     * @throws InvalidDescriptorException with a message naming what is wrong
     */
    static ZoneDescriptor read(InputStream in, String source) {
        try {
            com.fasterxml.jackson.databind.JsonNode tree = JSON.readTree(in);
            if (tree instanceof com.fasterxml.jackson.databind.node.ObjectNode o && !o.has("hallId")) {
                o.put("hallId", org.onedoor.api.hall.Hall.DEFAULT_ID); // a descriptor naming no hall is the default hall's
            }
            return JSON.treeToValue(tree, ZoneDescriptor.class);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new InvalidDescriptorException(source + ": " + cause.getMessage(), e);
        } catch (IOException e) {
            throw new InvalidDescriptorException(source + ": not a zone descriptor: " + originalMessage(e), e);
        }
    }

    private static String originalMessage(IOException e) {
        return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    }

    static ZoneDescriptor read(String json, String source) {
        return read(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)), source);
    }

    static String write(ZoneDescriptor descriptor) {
        try {
            return JSON.writeValueAsString(descriptor);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write zone descriptor " + descriptor.id(), e);
        }
    }

    /** A descriptor file that cannot be turned into a zone. */
    static final class InvalidDescriptorException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidDescriptorException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
