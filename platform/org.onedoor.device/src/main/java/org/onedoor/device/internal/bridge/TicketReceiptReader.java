package org.onedoor.device.internal.bridge;

import java.util.List;
import java.util.Optional;
import org.onedoor.api.device.DeviceHealth;
import org.onedoor.api.device.DeviceRegistry;
import org.onedoor.api.device.DeviceStatus;
import org.onedoor.api.device.DeviceView;
import org.onedoor.api.device.OutboxEntry;
import org.onedoor.api.device.OutboxState;
import org.onedoor.api.device.TicketReceipt;
import org.onedoor.api.device.TicketReceipts;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.queue.HallQueue;
import org.onedoor.api.queue.Ticket;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Answers whether a ticket's receipt printed: the printer the {@link QueueDeviceBridge} chooses for it (the kiosk's own,
 * else the zone's), that printer's health and the state of its {@code ticket-<id>} command in the outbox.
 */
@Component(service = TicketReceipts.class)
public final class TicketReceiptReader implements TicketReceipts {

    private final HallQueue queue;
    private final DeviceRegistry devices;

    @Activate
    public TicketReceiptReader(@Reference HallQueue queue, @Reference DeviceRegistry devices) {
        this.queue = queue;
        this.devices = devices;
    }

    @Override
    public Optional<TicketReceipt> receipt(String hallId, String ticketId) {
        HallQueue inHall = hallId == null || hallId.isEmpty() || Hall.DEFAULT_ID.equals(hallId) ? queue : queue.inHall(hallId);
        return inHall.ticket(ticketId).map(t -> of(t, hallId == null || hallId.isEmpty() ? Hall.DEFAULT_ID : hallId));
    }

    private TicketReceipt of(Ticket t, String hallId) {
        List<DeviceView> all = devices.devices();
        Optional<String> printer = QueueDevices.printerFor(all, hallId, t.issuedZoneId(), t.kiosk());
        if (printer.isEmpty()) {
            return new TicketReceipt(Optional.empty(), TicketReceipt.State.NO_PRINTER,
                    "没有为此取号机或区域配置打印机 / no printer prints this kiosk's or zone's tickets");
        }
        Optional<OutboxEntry> entry = devices.entry(printer.get(), "ticket-" + t.id());
        if (entry.isPresent() && entry.get().state() == OutboxState.DELIVERED) {
            return new TicketReceipt(printer, TicketReceipt.State.PRINTED, "");
        }
        if (entry.isPresent() && entry.get().state() == OutboxState.REJECTED) {
            return new TicketReceipt(printer, TicketReceipt.State.OFFLINE, "打印机拒绝了此票 / the printer refused the ticket: "
                    + entry.get().note());
        }
        DeviceHealth health = devices.device(printer.get()).map(DeviceView::health).orElse(null);
        if (health != null && health.status() != DeviceStatus.ONLINE && health.status() != DeviceStatus.UNKNOWN) {
            return new TicketReceipt(printer, TicketReceipt.State.OFFLINE, "打印机不可用 / the printer is " + health.status()
                    + " (" + health.detail() + (health.message().isEmpty() ? "" : ": " + health.message()) + "); the receipt waits in the outbox");
        }
        return new TicketReceipt(printer, TicketReceipt.State.PENDING, entry.isPresent()
                ? "小票在打印队列中 / the receipt waits in the printer's outbox (" + entry.get().attempts() + " attempts)"
                : "小票尚未送往打印机 / the receipt is not yet written to the printer's outbox");
    }
}
