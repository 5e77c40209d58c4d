package org.onedoor.device.printer.escpos.simulator;

/**
 * One line as the printer put it on paper.
 *
 * @param text     the characters (decoded as GB18030)
 * @param width    character width multiple, 1 to 8 ({@code GS !})
 * @param height   character height multiple, 1 to 8
 * @param centered whether it was centred ({@code ESC a 1})
 */
public record PrintedLine(String text, int width, int height, boolean centered) {
}
