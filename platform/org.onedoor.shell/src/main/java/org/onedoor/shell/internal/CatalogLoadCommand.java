package org.onedoor.shell.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.apache.karaf.shell.api.action.Completion;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.matter.CatalogLoader;
import org.onedoor.api.matter.LoadedCatalog;

/** {@code onedoor:catalog-load <file>}: loads a catalog file on the node (checked whole first). */
@Command(scope = "onedoor", name = "catalog-load", description = "Loads a catalog file (format onedoor-catalog/1) and offers its matters")
@Service
public class CatalogLoadCommand implements Action {

    @Reference
    CatalogLoader loader;

    @Reference
    Session session;

    @Reference
    AuditTrail audit;

    @Argument(index = 0, name = "file", description = "Path of the catalog file on this node", required = true)
    @Completion(FileCompleter.class)
    String file;

    @Option(name = "-n", aliases = "--name", description = "Name to keep it under (default: the file name)")
    String name;

    @Override
    public Object execute() throws IOException {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("No file " + path.toAbsolutePath() + ". Give the path of a catalog file on this node.");
        }
        String as = name != null ? name : path.getFileName().toString();
        String user = String.valueOf(session.get("USER"));
        LoadedCatalog loaded;
        try {
            loaded = loader.load(as, Files.readAllBytes(path), user);
        } catch (RuntimeException e) {
            ShellAudit.record(audit, session, "catalog-file-load", as, AuditEvent.FAILURE, String.valueOf(e.getMessage()));
            throw e;
        }
        ShellAudit.record(audit, session, "catalog-file-load", as, AuditEvent.SUCCESS, loaded.matters() + " matters offered");
        System.out.println("Loaded catalog " + loaded.name() + ": " + loaded.matters() + " matters are offered now.");
        return null;
    }
}
