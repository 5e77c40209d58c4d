package org.onedoor.core.internal.cases;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.onedoor.api.matter.Material;
import org.onedoor.api.matter.MaterialKind;
import org.onedoor.api.matter.Matter;

/**
 * Checks the materials handed in against a matter's list (R9, tolerance acceptance): names must be
 * on the list, every main material must be there, tolerable ones may be missing.
 */
final class MaterialCheck {

    /**
     * @param received          the matter's materials handed in, in list order
     * @param missingTolerable  the tolerable materials still to come, in list order
     */
    record Result(Set<String> received, List<String> missingTolerable) {
    }

    private MaterialCheck() {
    }

    static Result check(Matter matter, List<String> handedIn) {
        return check(matter, handedIn, true);
    }

    /**
     * @param mainRequired false when the application is being refused (a missing main material may be why):
     *                     then only the names are checked
     */
    static Result check(Matter matter, List<String> handedIn, boolean mainRequired) {
        Set<String> names = new LinkedHashSet<>();
        for (String n : handedIn) {
            String name = n == null ? "" : n.strip();
            if (matter.materials().stream().noneMatch(m -> m.name().equals(name))) {
                throw CaseStore.invalid("unknown-material", "事项 " + matter.code() + " 的材料清单中没有“" + name + "”；清单："
                        + String.join("、", matter.materials().stream().map(Material::name).toList()));
            }
            names.add(name);
        }
        List<String> missingMain = new ArrayList<>();
        List<String> missingTolerable = new ArrayList<>();
        for (Material m : matter.materials()) {
            if (!names.contains(m.name())) {
                (m.kind() == MaterialKind.MAIN ? missingMain : missingTolerable).add(m.name());
            }
        }
        if (mainRequired && !missingMain.isEmpty()) {
            throw CaseStore.refused("missing-main-material", "缺少主要材料：" + String.join("、", missingMain)
                    + "，不予受理（事项 " + matter.code() + "）。请补齐后再申请。Main material missing: " + String.join(", ", missingMain));
        }
        return new Result(names, missingTolerable);
    }
}
