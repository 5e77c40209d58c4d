package org.onedoor.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.onedoor.api.zone.ZoneControl;

/** Completes zone ids from the zone features available on this node. */
@Service
public class ZoneIdCompleter implements Completer {

    @Reference
    ZoneControl control;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter(control.availableZones());
        return delegate.complete(session, commandLine, candidates);
    }
}
