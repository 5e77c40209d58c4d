package org.onedoor.itests;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

/** One hall node as its own operating-system process: the real distribution, unpacked and started with bin/karaf. */
final class HallNodeProcess {

    final String nodeId;
    final Path home;
    final int httpPort;
    final int clusterPort;
    /** The console's SSH port (bound to 127.0.0.1). */
    final int sshPort;
    private Process script;

    HallNodeProcess(String nodeId, Path home, int httpPort, int clusterPort, int sshPort) {
        this.nodeId = nodeId;
        this.home = home;
        this.httpPort = httpPort;
        this.clusterPort = clusterPort;
        this.sshPort = sshPort;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Unpacks the distribution into {@code home} and points it at the shared database and the cluster's members. */
    static HallNodeProcess unpack(Path distribution, Path home, String nodeId, int httpPort, int clusterPort, String members,
            String jdbcUrl, Map<String, String> users) throws Exception {
        Files.createDirectories(home);
        run(List.of("tar", "xzf", distribution.toString(), "-C", home.toString(), "--strip-components=1"));
        Path etc = home.resolve("etc");
        set(etc.resolve("org.onedoor.web.cfg"), "port", Integer.toString(httpPort));
        set(etc.resolve("org.onedoor.hours.cfg"), "enforced", "false"); // the load runs at any hour
        set(etc.resolve("org.onedoor.cluster.cfg"), "port", Integer.toString(clusterPort));
        set(etc.resolve("org.onedoor.cluster.cfg"), "nodeId", nodeId);
        set(etc.resolve("org.onedoor.cluster.cfg"), "members", members);
        set(etc.resolve("org.onedoor.store.cfg"), "url", jdbcUrl);
        set(etc.resolve("org.onedoor.store.cfg"), "user", "postgres");
        int sshPort = freePort();
        set(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort", Integer.toString(sshPort));
        set(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryPort", Integer.toString(freePort()));
        set(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerPort", Integer.toString(freePort()));
        StringBuilder lines = new StringBuilder("\n");
        // written hashed: see HallNodeOptions.hashed
        users.forEach((u, v) -> {
            String[] passwordAndGroups = v.split(",", 2);
            lines.append(u).append(" = ").append(HallNodeOptions.hashed(passwordAndGroups[0]))
                    .append(passwordAndGroups.length > 1 ? "," + passwordAndGroups[1] : "").append('\n');
        });
        Files.writeString(etc.resolve("users.properties"), lines.toString(), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        return new HallNodeProcess(nodeId, home, httpPort, clusterPort, sshPort);
    }

    static void set(Path cfg, String key, String value) throws IOException {
        String text = Files.readString(cfg);
        String line = key + " = " + value;
        Matcher m = java.util.regex.Pattern.compile("(?m)^" + key + "\\s*=.*$").matcher(text);
        text = m.find() ? m.replaceFirst(Matcher.quoteReplacement(line)) : text + "\n" + line + "\n";
        Files.writeString(cfg, text);
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("failed: " + command);
        }
    }

    /** Starts {@code bin/karaf server}; output goes to {@code karaf.out} in the node's folder. */
    void start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("karaf.out").toFile()));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("JAVA_MAX_MEM", "512M");
        pb.environment().remove("ONEDOOR_HTTP_PORT");
        script = pb.start();
    }

    /** Kills the node's JVM and its start script at once, as a power cut would (SIGKILL). */
    void kill9() {
        if (script == null) {
            return;
        }
        script.descendants().forEach(ProcessHandle::destroyForcibly);
        script.destroyForcibly();
        waitGone();
    }

    /** Stops the node the way an operator does (bin/stop), then makes sure it is gone. */
    void stop() throws Exception {
        if (script == null || !script.isAlive()) {
            return;
        }
        new ProcessBuilder(home.resolve("bin/stop").toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
        if (!script.waitFor(60, TimeUnit.SECONDS)) {
            kill9();
        }
        waitGone();
    }

    private void waitGone() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (script.isAlive() || script.descendants().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) {
                break;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Sends a signal (STOP, CONT) to the node's JVM: a stopped node holds its sockets but answers nothing, like one cut off. */
    void signal(String signal) throws Exception {
        for (ProcessHandle p : (Iterable<ProcessHandle>) script.descendants()::iterator) {
            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    boolean alive() {
        return script != null && script.isAlive();
    }

    @Override
    public String toString() {
        return nodeId + " (http " + httpPort + ", cluster " + clusterPort + ", " + home + File.separator + "data/log/karaf.log)";
    }
}
