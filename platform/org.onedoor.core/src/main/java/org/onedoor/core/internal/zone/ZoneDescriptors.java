package org.onedoor.core.internal.zone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.onedoor.api.hall.ZoneDescriptor;

/** Zone descriptors written in configuration: a JSON array in the format of a zone bundle's descriptor file. */
public final class ZoneDescriptors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ZoneDescriptors() {
    }

    /**
     * @param json   a JSON array of zone descriptors
     * @param source where the text comes from, for messages
     * @throws IllegalArgumentException naming what is wrong
     */
    public static List<ZoneDescriptor> readList(String json, String source) {
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": zones must be a JSON array of zone descriptors: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isArray()) {
            throw new IllegalArgumentException(source + ": zones must be a JSON array of zone descriptors");
        }
        List<ZoneDescriptor> zones = new ArrayList<>();
        for (JsonNode zone : tree) {
            try {
                zones.add(ZoneDescriptorCodec.read(zone.toString(), source));
            } catch (ZoneDescriptorCodec.InvalidDescriptorException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        return zones;
    }
}
