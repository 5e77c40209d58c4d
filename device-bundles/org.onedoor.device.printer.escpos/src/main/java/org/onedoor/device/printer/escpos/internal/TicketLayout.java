package org.onedoor.device.printer.escpos.internal;

import java.time.format.DateTimeFormatter;
import org.onedoor.api.device.PrintTicket;
import org.onedoor.api.device.SelfTest;

/** Lays out a queue ticket and a technician's test page as ESC/POS bytes. */
final class TicketLayout {

    /** Longest QR payload a ticket prints; longer URLs are refused before anything is sent. */
    static final int QR_MAX = 400;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final String title;

    /** @param title the heading printed on every ticket, e.g. the hall's name */
    TicketLayout(String title) {
        this.title = title;
    }

    byte[] ticket(PrintTicket t) {
        return new EscPos().init()
                .align(true).size(2, 2).line(title)
                .size(1, 1).line("排队号")
                .size(4, 4).line(t.number())
                .size(1, 1).align(false)
                .line("区域：" + t.zoneName())
                .line("前面还有 " + t.peopleAhead() + " 人等候")
                .line("取号时间：" + TIME.format(t.issuedAt()))
                .align(true).line("扫码查看排队进度")
                .qr(t.statusUrl(), 6)
                .feed(1).line("请留意叫号，过号请重新取号")
                .cut(3).bytes();
    }

    byte[] testPage(SelfTest test, String deviceId) {
        return new EscPos().init()
                .align(true).size(2, 2).line("打印机测试页")
                .size(1, 1).align(false)
                .line("设备：" + deviceId)
                .line("测试人：" + test.requestedBy())
                .line("中文 GB18030：𠀀 〇 ABC 123")
                .size(4, 4).line("A000")
                .size(1, 1).align(true)
                .qr("onedoor:device-test:" + deviceId, 6)
                .cut(3).bytes();
    }
}
