package org.onedoor.core.internal.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import org.onedoor.api.calendar.KnownYear;
import org.onedoor.api.calendar.YearOrigin;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The calendar years shipped in the core bundle as {@value #FOLDER}/{@code <year>.json}. */
final class BundledYears {

    static final String FOLDER = "onedoor/calendar";

    private static final Logger LOG = LoggerFactory.getLogger(BundledYears.class);

    private BundledYears() {
    }

    /** @return the URLs of the year files in the bundle */
    static List<URL> in(Bundle bundle) {
        Enumeration<URL> entries = bundle.findEntries(FOLDER, "*.json", false);
        return entries == null ? List.of() : Collections.list(entries);
    }

    /**
     * Reads year files; a file that cannot be read or is invalid is logged and left out, so its
     * year stays unknown (and questions about it are refused) rather than counted wrongly.
     *
     * @return the years read, in the order given
     */
    static List<KnownYear> read(List<URL> files) {
        List<KnownYear> years = new ArrayList<>();
        for (URL file : files) {
            try (InputStream in = file.openStream()) {
                String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                years.add(new KnownYear(CalendarFileReader.read(content, file.getPath()), YearOrigin.BUNDLED, "", Optional.empty()));
            } catch (IOException | RuntimeException e) {
                LOG.error("Bundled calendar file {} is left out: {}", file, e.getMessage());
            }
        }
        return years;
    }
}
