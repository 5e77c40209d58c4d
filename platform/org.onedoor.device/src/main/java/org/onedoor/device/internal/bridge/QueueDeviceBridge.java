package org.onedoor.device.internal.bridge;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.onedoor.api.device.DeviceCommand;
import org.onedoor.api.device.DeviceRegistry;
import org.onedoor.api.device.PrintTicket;
import org.onedoor.api.device.ShowCall;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.queue.HallQueue;
import org.onedoor.api.queue.QueueEvent;
import org.onedoor.api.queue.QueueEvents;
import org.onedoor.api.queue.Ticket;
import org.onedoor.api.queue.WaitingInfo;
import org.onedoor.api.staff.NamePlate;
import org.onedoor.api.staff.WindowRoster;
import org.onedoor.api.zone.ZoneDirectory;
import org.onedoor.device.internal.DeviceScheduler;
import org.onedoor.device.internal.SerialTasks;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows the queue on this node's devices: an issued ticket is printed on the printer of the kiosk that issued it
 * (a printer configured with {@code kiosk}), else on the printer of its zone,
 * a called (or recalled) ticket is shown as "number → window" on every LED display that serves
 * the window; a device serves the zone and windows of its own hall ({@code hall}), so a ticket of one
 * hall is never printed or shown in another.
 *
 * <p>Every node receives every node's queue events; each node submits commands only to the devices
 * configured on it, each with a key naming the event ({@code ticket-<id>}, {@code call-<seq>}), so a
 * command is written once even when two nodes on one database configure the same device or an
 * event arrives twice. Events are handled one after another, off the cluster thread.
 */
@Component(immediate = true, configurationPid = QueueDeviceBridge.PID)
@Designate(ocd = QueueDeviceBridge.Settings.class)
public final class QueueDeviceBridge {

    static final String PID = "org.onedoor.device.queue";
    /** The hall's local time zone, as printed on tickets. */

    private static final Logger LOG = LoggerFactory.getLogger(QueueDeviceBridge.class);

    /** Settings of the bridge ({@code etc/org.onedoor.device.queue.cfg}). */
    @ObjectClassDefinition(name = "OneDoor queue on devices", description = "Prints issued tickets and shows calls on LED displays")
    public @interface Settings {

        @AttributeDefinition(description = "The hall's address as citizens' phones reach it; the ticket's QR code links to <publicUrl>/ui/ticket?id=<ticket id>")
        String publicUrl() default "http://localhost:8080";
    }

    /** The staff registry's roster, for the name plate of the window; absent, calls show none. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile WindowRoster roster;

    private final HallQueue queue;
    private final ZoneDirectory zones;
    private final HallClock clock;
    private final DeviceRegistry devices;
    private final SerialTasks tasks;
    private final String ticketPage;
    private final AutoCloseable subscription;

    @Activate
    public QueueDeviceBridge(@Reference QueueEvents events, @Reference HallQueue queue, @Reference ZoneDirectory zones,
            @Reference DeviceRegistry devices, @Reference(target = DeviceScheduler.TARGET) ScheduledExecutorService executor,
            @Reference HallClock clock, Settings settings) {
        this.clock = clock;
        this.queue = queue;
        this.zones = zones;
        this.devices = devices;
        this.tasks = new SerialTasks(executor);
        this.ticketPage = ticketPage(settings.publicUrl());
        this.subscription = events.subscribe(this::onEvent);
    }

    /** @return the status page address before the ticket id, from the hall's public address */
    static String ticketPage(String publicUrl) {
        String base = publicUrl == null ? "" : publicUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            throw new IllegalArgumentException("publicUrl must start with http:// or https://, was '" + publicUrl + "'");
        }
        return base + "/ui/ticket?id=";
    }

    @Deactivate
    void stop() throws Exception {
        subscription.close();
    }

    void onEvent(QueueEvent event) {
        switch (event.type()) {
            case "ISSUED" -> tasks.run(() -> print(event));
            case "CALLED", "RECALLED" -> tasks.run(() -> show(event));
            default -> {
                // other events change nothing on the devices
            }
        }
    }

    private void print(QueueEvent event) {
        List<org.onedoor.api.device.DeviceView> all = devices.devices();
        if (QueueDevices.printerFor(all, event.hallId(), event.zoneId()).isEmpty()
                && all.stream().noneMatch(d -> d.config() != null && !d.config().kiosk().isEmpty())) {
            return; // no printer could print it: no need to read the ticket
        }
        HallQueue inHall = Hall.DEFAULT_ID.equals(event.hallId()) ? queue : queue.inHall(event.hallId());
        Optional<Ticket> found = inHall.ticket(event.ticketId());
        if (found.isEmpty()) {
            LOG.warn("Ticket {} of event {} is not in the store; nothing printed", event.ticketNumber(), event.seq());
            return;
        }
        Ticket t = found.get();
        // the kiosk that issued it prints it; a kiosk without a printer of its own, or no kiosk, the zone's printer
        Optional<String> printer = QueueDevices.printerFor(all, event.hallId(), event.zoneId(), t.kiosk());
        if (printer.isEmpty()) {
            return;
        }
        int ahead = inHall.waiting(t.id()).map(WaitingInfo::position).map(p -> Math.max(0, p - 1)).orElse(0);
        String zoneName = zones.zone(event.hallId(), t.issuedZoneId()).map(z -> z.descriptor().nameZh()).orElse(t.issuedZoneId());
        PrintTicket command = new PrintTicket(t.number(), zoneName.length() > 64 ? zoneName.substring(0, 64) : zoneName, ahead,
                LocalDateTime.ofInstant(t.issuedAt(), clock.zone()).withNano(0),
                ticketPage + URLEncoder.encode(t.id(), StandardCharsets.UTF_8));
        submit(printer.get(), command, "ticket-" + t.id());
    }

    private void show(QueueEvent event) {
        if (event.windowNumber() < 1 || event.ticketNumber().isEmpty()) {
            return;
        }
        List<String> displays = QueueDevices.displaysFor(devices.devices(), event.hallId(), event.windowNumber());
        if (displays.isEmpty()) {
            return;
        }
        String plate = plate(event.hallId(), event.windowNumber());
        for (String display : displays) {
            // the zone's gap-free number names the call for good (per hall and zone); the hall-wide seq only orders events
            String hall = Hall.DEFAULT_ID.equals(event.hallId()) ? "" : event.hallId() + "-";
            submit(display, new ShowCall(event.ticketNumber(), event.windowNumber(), plate), "call-" + hall + event.zoneId() + "-" + event.zoneSeq());
        }
    }

    /** @return the name plate (staff number and name) of the staff signed in at the window, cut to a board's line; empty if none */
    private String plate(String hallId, int window) {
        WindowRoster r = roster;
        if (r == null) {
            return "";
        }
        try {
            HallQueue hall = hallId == null || hallId.isEmpty() || org.onedoor.api.hall.Hall.DEFAULT_ID.equals(hallId) ? queue : queue.inHall(hallId);
            Optional<String> clerk = hall.windows().stream().filter(w -> w.windowNumber() == window).map(w -> w.clerk()).findFirst();
            Optional<NamePlate> p = clerk.map(c -> r.namePlates(List.of(c)).get(c));
            String text = p.map(n -> n.staffNumber() + " " + n.realName()).orElse("");
            return text.length() > ShowCall.MAX_PLATE ? text.substring(0, ShowCall.MAX_PLATE) : text;
        } catch (RuntimeException e) {
            LOG.warn("Name plate of window {} unknown: {}", window, e.getMessage());
            return "";
        }
    }

    private void submit(String deviceId, DeviceCommand command, String key) {
        try {
            devices.submitOnce(deviceId, command, key);
        } catch (RuntimeException e) {
            LOG.warn("Device {}: '{}' not queued: {}", deviceId, command.summary(), e.getMessage());
        }
    }
}
