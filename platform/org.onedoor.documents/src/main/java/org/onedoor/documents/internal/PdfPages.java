package org.onedoor.documents.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A cursor down the pages of a document, as the notices and the report card write them: text in
 * the embedded CJK font (runs of the font that has each character), lines cut at any character to
 * fit (Chinese text has no spaces), and a new page when the text reaches the bottom margin.
 */
class PdfPages implements AutoCloseable {

    /** Portrait A4. */
    static final PDRectangle PORTRAIT = PDRectangle.A4;
    /** Landscape A4. */
    static final PDRectangle LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

    private final PDDocument doc;
    private final NoticeFont.Loaded font;
    private final PDRectangle box;
    /** The margin on every side, in points. */
    protected final float margin;
    /** The page being written. */
    protected PDPageContentStream cs;
    /** The baseline the next text is written on, in points from the page's bottom. */
    protected float y;

    PdfPages(PDDocument doc, NoticeFont.Loaded font, PDRectangle box, float margin) throws IOException {
        this.doc = doc;
        this.font = font;
        this.box = box;
        this.margin = margin;
        newPage();
    }

    /** Starts a new page with the cursor at its top margin. */
    protected void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(box);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = box.getHeight() - margin;
    }

    /** @return the page's width */
    protected float pageWidth() {
        return box.getWidth();
    }

    /** @return the width between the margins less an indent */
    protected float usable(float indent) {
        return box.getWidth() - 2 * margin - indent;
    }

    /** @return true when {@code height} more fits on this page; false when a new page was started for it */
    protected boolean room(float height) throws IOException {
        if (y - height < margin) {
            newPage();
            return false;
        }
        return true;
    }

    /** Moves the cursor down. */
    void skip(float points) {
        y -= points;
    }

    protected float width(String s, float size) throws IOException {
        return font.width(s, size);
    }

    /** Writes the text on the cursor's baseline at {@code x}. */
    protected void text(String s, float x, float size) throws IOException {
        cs.beginText();
        cs.newLineAtOffset(x, y);
        for (NoticeFont.Run run : font.runs(s)) {
            cs.setFont(run.font(), size);
            cs.showText(run.text());
        }
        cs.endText();
    }

    /** @return the text cut into lines no wider than {@code usable}, at any character */
    protected List<String> lines(String s, float size, float usable) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int cp : s.codePoints().toArray()) {
            if (line.length() > 0 && width(line + Character.toString(cp), size) > usable) {
                out.add(line.toString());
                line.setLength(0);
            }
            line.appendCodePoint(cp);
        }
        if (line.length() > 0 || out.isEmpty()) {
            out.add(line.toString());
        }
        return out;
    }

    /** Writes the text from the left margin plus {@code indent}, a line at a time of {@code leading} times its size. */
    void wrapped(String s, float size, float indent, float leading) throws IOException {
        for (String line : lines(s, size, usable(indent))) {
            room(size * leading);
            y -= size * leading;
            text(line, margin + indent, size);
        }
    }

    @Override
    public void close() throws IOException {
        cs.close();
    }
}
