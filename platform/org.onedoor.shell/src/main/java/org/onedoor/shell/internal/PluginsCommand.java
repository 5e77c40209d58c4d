package org.onedoor.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.onedoor.api.plugin.DepartmentPlugins;
import org.onedoor.api.plugin.PluginStatus;

/** {@code onedoor:plugins}: the installed department plug-ins, whether their signatures are trusted, and why not. */
@Command(scope = "onedoor", name = "plugins", description = "Lists the department plug-ins with their signature verdict (trusted or refused, and why)")
@Service
public class PluginsCommand implements Action {

    @Reference
    DepartmentPlugins plugins;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("ID");
        table.column("Plug-in");
        table.column("Departments").maxSize(40);
        table.column("State");
        table.column("签名 / Signature");
        table.column("Signer or reason").maxSize(100);
        int refused = 0;
        for (PluginStatus p : plugins.plugins()) {
            table.addRow().addContent(p.bundleId(), p.symbolicName() + " " + p.version(), String.join(",", p.departments()), p.state(),
                    p.trusted() ? "可信 trusted" : "已拒绝 REFUSED", p.trusted() ? p.signer() : p.reason());
            refused += p.trusted() ? 0 : 1;
        }
        table.print(System.out);
        if (refused > 0) {
            System.out.println(refused + " 个插件被拒绝：未解析、未注册任何内容，已卸载。请用该部门登记的密钥签名（etc/onedoor-trust/<部门>.pem）。 / "
                    + refused + " plug-in(s) refused: never resolved, nothing registered, uninstalled. Sign with the key registered for the department "
                    + "(etc/onedoor-trust/<DEPT>.pem); see docs/security.md.");
        }
        return null;
    }
}
