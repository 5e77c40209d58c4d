package org.onedoor.device.printer.escpos.simulator;

import java.util.List;
import java.util.Optional;

/**
 * A receipt as the simulated printer produced it, between two cuts.
 *
 * @param lines    the printed text lines, in order
 * @param qrCodes  the data of the QR codes printed ({@code GS ( k} store and print), in order
 * @param cut      whether the receipt ended with a cut ({@code GS V})
 * @param problems commands the printer did not understand or that were malformed, empty when none
 */
public record PrintedReceipt(List<PrintedLine> lines, List<String> qrCodes, boolean cut, List<String> problems) {

    /** Copies the lists. */
    public PrintedReceipt {
        lines = List.copyOf(lines);
        qrCodes = List.copyOf(qrCodes);
        problems = List.copyOf(problems);
    }

    /** @return the first line containing the text, if any */
    public Optional<PrintedLine> lineContaining(String text) {
        return lines.stream().filter(l -> l.text().contains(text)).findFirst();
    }

    /** @return the receipt drawn as text: large lines marked with their size, QR codes and the cut shown */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (PrintedLine l : lines) {
            String size = l.width() > 1 || l.height() > 1 ? "  [" + l.width() + "x" + l.height() + "]" : "";
            out.append(l.centered() ? "    " : "").append(l.text()).append(size).append('\n');
        }
        for (String qr : qrCodes) {
            out.append("[QR ").append(qr).append("]\n");
        }
        out.append(cut ? "-------- cut --------\n" : "(not cut)\n");
        return out.toString();
    }
}
