package org.onedoor.documents.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts the notices are set in, both TrueType, both embedded in each document as subsets of the
 * glyphs it uses: Droid Sans Fallback Full for Chinese (Apache License 2.0, from Debian's
 * fonts-droid-fallback, shipped in this bundle) — it has no Latin letters or digits — and Liberation
 * Sans for those (SIL Open Font License, shipped inside PDFBox, which this bundle inlines).
 */
final class NoticeFont {

    static final String CJK = "fonts/DroidSansFallbackFull.ttf";
    static final String LATIN = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final byte[] cjk;
    private final byte[] latin;

    private NoticeFont(byte[] cjk, byte[] latin) {
        this.cjk = cjk;
        this.latin = latin;
    }

    /** @return the fonts read from the bundle */
    static NoticeFont shipped() {
        return new NoticeFont(read(CJK), read(LATIN));
    }

    private static byte[] read(String resource) {
        try (InputStream in = NoticeFont.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the notice font " + resource + " is missing from the documents bundle");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the notice font " + resource, e);
        }
    }

    /** @return the fonts loaded into one document, to be embedded as subsets */
    Loaded loadInto(PDDocument doc) throws IOException {
        return new Loaded(PDType0Font.load(doc, new ByteArrayInputStream(cjk), true),
                PDType0Font.load(doc, new ByteArrayInputStream(latin), true));
    }

    /** A piece of text set in one font. */
    record Run(PDFont font, String text) {
    }

    /** The two fonts of one document and which of them sets each character. */
    static final class Loaded {

        private final PDFont cjk;
        private final PDFont latin;
        private final Map<Integer, PDFont> chosen = new HashMap<>();

        Loaded(PDFont cjk, PDFont latin) {
            this.cjk = cjk;
            this.latin = latin;
        }

        /**
         * @return the text cut into runs of one font each: Chinese where the CJK font has the glyph, else
         *         Latin; a character neither has prints as a question mark (a rare character in a name must not
         *         stop a notice from printing), a control character as a space
         */
        List<Run> runs(String text) {
            List<Run> runs = new ArrayList<>();
            StringBuilder piece = new StringBuilder();
            PDFont current = null;
            for (int cp : text.codePoints().toArray()) {
                int c = Character.isISOControl(cp) ? ' ' : cp;
                PDFont f = fontFor(c);
                if (f == null) {
                    c = '?';
                    f = latin;
                }
                if (f != current && piece.length() > 0) {
                    runs.add(new Run(current, piece.toString()));
                    piece.setLength(0);
                }
                current = f;
                piece.appendCodePoint(c);
            }
            if (piece.length() > 0) {
                runs.add(new Run(current, piece.toString()));
            }
            return runs;
        }

        /** @return the width of the text in points at the size */
        float width(String text, float size) throws IOException {
            float w = 0f;
            for (Run r : runs(text)) {
                w += r.font().getStringWidth(r.text()) / 1000f * size;
            }
            return w;
        }

        private PDFont fontFor(int cp) {
            return chosen.computeIfAbsent(cp, c -> has(cjk, c) ? cjk : has(latin, c) ? latin : null);
        }

        private static boolean has(PDFont font, int cp) {
            try {
                font.encode(Character.toString(cp));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }
    }
}
