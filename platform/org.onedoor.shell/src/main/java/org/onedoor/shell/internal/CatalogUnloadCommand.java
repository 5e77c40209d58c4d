package org.onedoor.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.matter.CatalogLoader;
import org.onedoor.api.matter.LoadedCatalog;

/** {@code onedoor:catalog-unload [name]}: withdraws a loaded catalog file; without a name, lists them. */
@Command(scope = "onedoor", name = "catalog-unload", description = "Withdraws a catalog file loaded with catalog-load; without a name lists the loaded files")
@Service
public class CatalogUnloadCommand implements Action {

    @Reference
    CatalogLoader loader;

    @Reference
    Session session;

    @Reference
    AuditTrail audit;

    @Argument(index = 0, name = "name", description = "The name the file was loaded under")
    String name;

    @Override
    public Object execute() {
        if (name == null) {
            ShellTable table = new ShellTable();
            table.column("Name");
            table.column("Matters");
            table.column("Loaded by");
            table.column("Loaded at");
            for (LoadedCatalog c : loader.loaded()) {
                table.addRow().addContent(c.name(), c.matters(), c.loadedBy(), c.loadedAt());
            }
            table.print(System.out);
            return null;
        }
        if (!loader.unload(name)) {
            ShellAudit.record(audit, session, "catalog-file-unload", name, AuditEvent.FAILURE, "no loaded catalog file of that name");
            throw new IllegalArgumentException("No loaded catalog file '" + name + "'. Run onedoor:catalog-unload without a name to list them.");
        }
        ShellAudit.record(audit, session, "catalog-file-unload", name, AuditEvent.SUCCESS, "withdrawn");
        System.out.println("Catalog file " + name + " withdrawn; its matters are no longer offered.");
        return null;
    }
}
