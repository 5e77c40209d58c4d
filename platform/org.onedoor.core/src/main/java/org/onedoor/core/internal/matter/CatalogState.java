package org.onedoor.core.internal.matter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterQuery;
import org.onedoor.api.matter.MatterValidator;

/**
 * The catalog's rules, free of OSGi: which sources are accepted (only matters of the departments
 * the contributing bundle speaks for, no code offered twice, except that a described matter takes
 * the place of a numbered slot of the same code) and what the catalog answers.
 * Mutations are serialized; reads use an immutable snapshot.
 */
final class CatalogState {

    /** The outcome of offering matters or a validator: null reason means accepted. */
    record Outcome(String refusal) {
        boolean accepted() {
            return refusal == null;
        }
    }

    private record Source(String origin, List<Matter> matters) {
    }

    private record Snapshot(List<Matter> sorted, Map<String, Matter> byCode, Map<String, Integer> counts) {
    }

    private final Map<Object, Source> sources = new LinkedHashMap<>();
    private final Map<Object, MatterValidator> validators = new LinkedHashMap<>();
    private Map<String, Matter> overlay = Map.of();
    private Set<String> cancelled = Set.of();
    private volatile Snapshot snapshot = new Snapshot(List.of(), Map.of(), Map.of());

    synchronized Outcome offer(Object key, String origin, Set<String> allowedDepartments, List<Matter> matters) {
        Map<String, Matter> offeredElsewhere = new HashMap<>();
        Map<String, String> originOf = new HashMap<>();
        sources.forEach((otherKey, other) -> {
            if (!otherKey.equals(key)) {
                other.matters().forEach(m -> {
                    offeredElsewhere.put(m.code(), m);
                    originOf.put(m.code(), other.origin());
                });
            }
        });
        for (Matter m : matters) {
            if (!allowedDepartments.contains(m.departmentId())) {
                return new Outcome("matter " + m.code() + " belongs to department " + m.departmentId()
                        + ", but the bundle speaks for " + (allowedDepartments.isEmpty() ? "no department" : allowedDepartments)
                        + " (manifest header OneDoor-Department)");
            }
            Matter other = offeredElsewhere.get(m.code());
            // a described matter and a numbered slot may share a code: the described one is offered
            if (other != null && other.slot() == m.slot()) {
                return new Outcome("matter " + m.code() + " is already offered by " + originOf.get(m.code()));
            }
        }
        sources.put(key, new Source(origin, List.copyOf(matters)));
        rebuild();
        return new Outcome(null);
    }

    /** Lays adjustments in force over the sources: their matters win, cancelled codes disappear. */
    synchronized void overlay(Collection<Matter> replacing, Set<String> cancelledCodes) {
        Map<String, Matter> next = new HashMap<>();
        replacing.forEach(m -> next.put(m.code(), m));
        overlay = Map.copyOf(next);
        cancelled = Set.copyOf(cancelledCodes);
        rebuild();
    }

    synchronized void withdraw(Object key) {
        if (sources.remove(key) != null) {
            rebuild();
        }
    }

    synchronized Outcome offerValidator(Object key, Set<String> allowedDepartments, MatterValidator validator) {
        for (String code : validator.matterCodes()) {
            String department = code.contains("-") ? code.substring(0, code.indexOf('-')) : code;
            if (!allowedDepartments.contains(department)) {
                return new Outcome("validator for matter " + code + " is not of the bundle's department(s) "
                        + allowedDepartments + " (manifest header OneDoor-Department)");
            }
        }
        validators.put(key, validator);
        return new Outcome(null);
    }

    synchronized void withdrawValidator(Object key) {
        validators.remove(key);
    }

    List<Matter> matters(MatterQuery q) {
        String text = q.text().toLowerCase(Locale.ROOT);
        List<Matter> result = new ArrayList<>();
        for (Matter m : snapshot.sorted()) {
            if ((q.departmentId().isEmpty() || m.departmentId().equals(q.departmentId()))
                    && (q.zoneId().isEmpty() || m.zoneId().equals(q.zoneId()))
                    && (text.isEmpty() || m.code().toLowerCase(Locale.ROOT).contains(text) || m.nameZh().contains(q.text())
                            || m.nameEn().toLowerCase(Locale.ROOT).contains(text))) {
                result.add(m);
            }
        }
        return result;
    }

    Optional<Matter> matter(String code) {
        return Optional.ofNullable(snapshot.byCode().get(code));
    }

    Map<String, Integer> counts() {
        return snapshot.counts();
    }

    List<String> validate(String code, Map<String, String> fields) {
        return check(code, fields).stream().map(org.onedoor.api.matter.ApplicationProblem::message).toList();
    }

    /** The validators of the matter's department on an application, each problem naming its field. */
    List<org.onedoor.api.matter.ApplicationProblem> check(String code, Map<String, String> fields) {
        if (!snapshot.byCode().containsKey(code)) {
            throw new IllegalArgumentException("no matter '" + code + "' is offered now");
        }
        Collection<MatterValidator> current;
        synchronized (this) {
            current = List.copyOf(validators.values());
        }
        List<org.onedoor.api.matter.ApplicationProblem> problems = new ArrayList<>();
        for (MatterValidator v : current) {
            if (v.matterCodes().contains(code)) {
                problems.addAll(v.check(code, fields));
            }
        }
        return problems;
    }

    private void rebuild() {
        Map<String, Matter> byCode = new HashMap<>();
        for (Source s : sources.values()) {
            for (Matter m : s.matters()) {
                byCode.merge(m.code(), m, (kept, next) -> kept.slot() ? next : kept);
            }
        }
        byCode.putAll(overlay);
        byCode.keySet().removeAll(cancelled);
        Map<String, Integer> counts = new TreeMap<>();
        byCode.values().forEach(m -> counts.merge(m.departmentId(), 1, Integer::sum));
        List<Matter> sorted = new ArrayList<>(byCode.values());
        sorted.sort(Comparator.comparing(Matter::code));
        snapshot = new Snapshot(List.copyOf(sorted), Map.copyOf(byCode), Map.copyOf(counts));
    }
}
