package org.onedoor.core.internal.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.onedoor.api.queue.QueueEvent;

/** Queue events as JSON, for the hall bus. */
final class QueueEventJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private QueueEventJson() {
    }

    static String write(QueueEvent e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("seq", e.seq()).put("zoneSeq", e.zoneSeq()).put("type", e.type()).put("zoneId", e.zoneId())
                .put("ticketNumber", e.ticketNumber()).put("ticketId", e.ticketId()).put("window", e.windowNumber())
                .put("at", e.at().toString()).put("hallId", e.hallId());
        return o.toString();
    }

    static QueueEvent read(String json) {
        try {
            JsonNode o = JSON.readTree(json);
            return new QueueEvent(o.path("seq").asLong(), o.path("zoneSeq").asLong(), o.path("type").asText(),
                    o.path("zoneId").asText(), o.path("ticketNumber").asText(), o.path("ticketId").asText(),
                    o.path("window").asInt(), Instant.parse(o.path("at").asText()), o.path("hallId").asText(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
