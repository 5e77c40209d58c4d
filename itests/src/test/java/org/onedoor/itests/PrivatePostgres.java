package org.onedoor.itests;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL instance of the fault campaign's own (initdb into a temporary folder, own port), so
 * that restarting it disturbs nobody else's tests. Run as the {@code postgres} user when we are root.
 */
final class PrivatePostgres {

    final int port;
    private final Path dir;
    private final String bin;

    private PrivatePostgres(Path dir, String bin, int port) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
    }

    /** The binaries' folder of the newest installed PostgreSQL (Debian layout), or null. */
    static String binaries() {
        File[] versions = new File("/usr/lib/postgresql").listFiles();
        if (versions == null) {
            return null;
        }
        return Arrays.stream(versions).map(v -> new File(v, "bin")).filter(b -> new File(b, "initdb").canExecute())
                .map(File::getPath).sorted().reduce((a, b) -> b).orElse(null);
    }

    static PrivatePostgres start(String bin) throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "onedoor-faults-pg");
        PrivatePostgres pg = new PrivatePostgres(dir, bin, HallNodeProcess.freePort());
        if (root()) {
            run(List.of("chown", "postgres", dir.toString()));
        }
        pg.pg("initdb", "-D", dir.resolve("data").toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C");
        pg.pg("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("postgres.log").toString(), "-w",
                "-o", "-p " + pg.port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start");
        return pg;
    }

    String jdbc(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Restarts the server: {@code fast} (sessions ended cleanly) or {@code immediate} (a crash, WAL recovery). */
    void restart(String mode) throws Exception {
        pg("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("postgres.log").toString(), "-w", "-m", mode, "restart");
    }

    void stop() throws Exception {
        try {
            pg("pg_ctl", "-D", dir.resolve("data").toString(), "-w", "-m", "immediate", "stop");
        } finally {
            run(List.of("rm", "-rf", dir.toString()));
        }
    }

    private void pg(String tool, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        if (root()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin + "/" + tool);
        command.addAll(List.of(args));
        run(command);
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("failed: " + command);
        }
    }
}
