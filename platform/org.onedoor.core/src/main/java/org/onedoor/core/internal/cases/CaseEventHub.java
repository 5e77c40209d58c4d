package org.onedoor.core.internal.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.onedoor.api.cases.CaseEvent;
import org.onedoor.api.cases.CaseEvents;
import org.onedoor.api.cluster.HallBus;
import org.onedoor.core.internal.bus.BusTopic;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers case events to this node's listeners: through the hall bus (channel
 * {@value #CHANNEL}) when the cluster member runs, so every node sees every node's events, else directly.
 */
@Component(service = {CaseEvents.class, CaseEventHub.class})
public final class CaseEventHub implements CaseEvents {

    static final String CHANNEL = "onedoor.cases";

    private static final Logger LOG = LoggerFactory.getLogger(CaseEventHub.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BusTopic<CaseEvent> topic = new BusTopic<>(CHANNEL, CaseEventHub::write, CaseEventHub::read);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setBus(HallBus newBus) {
        topic.attach(newBus);
    }

    void unsetBus(HallBus oldBus) {
        topic.detach(oldBus);
    }

    /** Publishes committed events to every node. */
    void publish(List<CaseEvent> events) {
        topic.publish(events);
    }

    @Override
    public AutoCloseable subscribe(Consumer<CaseEvent> listener) {
        return topic.subscribe(listener);
    }

    static String write(CaseEvent e) {
        return JSON.createObjectNode().put("type", e.type()).put("caseNumber", e.caseNumber()).put("bundleNumber", e.bundleNumber())
                .put("departmentId", e.departmentId()).put("state", e.state()).put("window", e.window())
                .put("at", e.at().toString()).toString();
    }

    static CaseEvent read(String json) {
        try {
            JsonNode o = JSON.readTree(json);
            return new CaseEvent(o.path("type").asText(), o.path("caseNumber").asText(), o.path("bundleNumber").asText(),
                    o.path("departmentId").asText(), o.path("state").asText(), o.path("window").asInt(),
                    Instant.parse(o.path("at").asText()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("A malformed case event was ignored: {}", e.getMessage());
            return null;
        }
    }
}
