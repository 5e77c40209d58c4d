package org.onedoor.device.printer.escpos.internal;

import java.io.IOException;
import java.time.Duration;
import org.onedoor.api.device.DeviceCommand;
import org.onedoor.api.device.DeviceContext;
import org.onedoor.api.device.DeviceException;
import org.onedoor.api.device.DeviceHandler;
import org.onedoor.api.device.PrintTicket;
import org.onedoor.api.device.SelfTest;
import org.onedoor.api.device.StatusDetail;
import org.onedoor.api.device.TcpLink;

/**
 * Drives one ESC/POS printer: checks paper before printing, sends the receipt, and counts it
 * acknowledged when the printer then reports itself on line ({@code DLE EOT 1}).
 */
final class EscPosPrinterHandler implements DeviceHandler {

    private final DeviceContext context;
    private final TicketLayout layout;
    private final Duration answerTimeout;

    EscPosPrinterHandler(DeviceContext context, TicketLayout layout, Duration answerTimeout) {
        this.context = context;
        this.layout = layout;
        this.answerTimeout = answerTimeout;
    }

    @Override
    public String execute(DeviceCommand command) throws DeviceException {
        byte[] receipt;
        if (command instanceof PrintTicket t) {
            if (t.statusUrl().length() > TicketLayout.QR_MAX) {
                throw DeviceException.rejected("the status URL is longer than " + TicketLayout.QR_MAX + " characters");
            }
            receipt = layout.ticket(t);
        } else if (command instanceof SelfTest s) {
            receipt = layout.testPage(s, context.config().id());
        } else {
            throw DeviceException.rejected("a printer cannot " + command.summary());
        }
        try {
            TcpLink link = context.link();
            link.drain();
            PrinterStatus.checkPaper(ask(link, EscPos.PAPER_STATUS));
            link.write(receipt);
            int status = ask(link, EscPos.PRINTER_STATUS);
            PrinterStatus.checkPrinter(status);
            return String.format("%d bytes, status %02X", receipt.length, status);
        } catch (IOException e) {
            throw new DeviceException(StatusDetail.COMMUNICATION_ERROR, "printer " + context.config().host() + ":"
                    + context.config().port() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void probe() throws DeviceException {
        try {
            TcpLink link = context.link();
            link.drain();
            PrinterStatus.checkPrinter(ask(link, EscPos.PRINTER_STATUS));
            PrinterStatus.checkPaper(ask(link, EscPos.PAPER_STATUS));
        } catch (IOException e) {
            throw new DeviceException(StatusDetail.COMMUNICATION_ERROR, "printer " + context.config().host() + ":"
                    + context.config().port() + ": " + e.getMessage(), e);
        }
    }

    private int ask(TcpLink link, byte[] query) throws IOException {
        link.write(query);
        return link.read(1, answerTimeout)[0] & 0xFF;
    }

    @Override
    public void dispose() {
        // the node closes the link; nothing else is held
    }
}
