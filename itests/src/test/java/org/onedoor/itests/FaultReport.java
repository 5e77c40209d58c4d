package org.onedoor.itests;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The figures of a fault campaign as Markdown: machine, faults by kind, writes, recovery distribution, verdict. */
final class FaultReport {

    private FaultReport() {
    }

    static String markdown(List<String> plan, FaultHistory history, FaultChecker.Verdict verdict) {
        StringBuilder md = new StringBuilder("# Fault campaign\n\n");
        md.append("- date (UTC): ").append(Instant.now()).append('\n');
        md.append("- machine: nproc ").append(Runtime.getRuntime().availableProcessors()).append(", memory ")
                .append(memoryMib()).append(" MiB\n");
        md.append("- plan: ").append(String.join(", ", plan)).append("\n\n");
        md.append("| figure | value |\n|---|---:|\n");
        new TreeMap<>(verdict.figures()).forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("\n| fault | count | recovery p50 (s) | p99 (s) | max (s) |\n|---|---:|---:|---:|---:|\n");
        Map<String, List<Long>> byKind = history.recoveries.stream().collect(Collectors.groupingBy(FaultHistory.Recovery::kind, TreeMap::new,
                Collectors.mapping(FaultHistory.Recovery::recoveryMillis, Collectors.toList())));
        byKind.put("all", history.recoveries.stream().map(FaultHistory.Recovery::recoveryMillis).toList());
        byKind.forEach((kind, ms) -> {
            List<Long> sorted = ms.stream().sorted().toList();
            md.append("| ").append(kind).append(" | ").append(sorted.size()).append(" | ").append(secs(pct(sorted, 50)))
                    .append(" | ").append(secs(pct(sorted, 99))).append(" | ").append(secs(sorted.get(sorted.size() - 1))).append(" |\n");
        });
        md.append("\nVerdict: ").append(verdict.passed() ? "PASSED" : "FAILED").append('\n');
        verdict.violations().forEach(v -> md.append("- ").append(v).append('\n'));
        return md.toString();
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String secs(long ms) {
        return ms < 0 ? "never" : String.format("%.1f", ms / 1000.0);
    }

    private static long memoryMib() {
        try {
            String line = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/meminfo")).get(0);
            return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        } catch (Exception e) {
            return -1;
        }
    }
}
