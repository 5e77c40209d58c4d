package org.onedoor.core.internal.cases;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.matter.SpecialStep;

/**
 * The special procedures of a case (R6) and the legal clock they hold: a procedure begun pauses the case's
 * time limit, its completion resumes it and moves the stored deadline on by the working days it stood still
 * ({@link CaseClock}); a case that ends while a procedure runs ends the pause with it.
 */
final class CaseSteps {

    private final CaseChanges changes;
    private final CaseClock clock;

    CaseSteps(CaseChanges changes, CaseClock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    /** Begins a pending step: the case moves to SPECIAL_STEPS and its clock stands still until the step is done. */
    HallCase start(String number, SpecialStep step, CaseActor actor) {
        return changes.move(number, actor, WindowBinding.Use.NONE, "case-step-start", "STEP_STARTED", (h, tx, before) -> {
            CaseRules.requireDepartment(before, actor);
            requirePending(before, step);
            if (before.runningPause().isPresent()) {
                throw CaseStore.conflict("step-running", "办件 " + before.number() + " 的特别程序“" + before.runningPause().get().step().chinese()
                        + "”正在进行；完成后再开始“" + step.chinese() + "”");
            }
            requireStepState(before);
            CaseUpdate.STATE.apply(h, before.number(), CaseState.SPECIAL_STEPS);
            CasePauses.start(h, before.number(), step, tx.at(), actor.user());
            return "开始特别程序：" + step.chinese() + "；办理时限自即日起暂停计算（特别程序所需时间不计入办理时限）";
        });
    }

    /** Records a step as done; when it was begun, its pause ends and the deadline moves on by the working days it lasted. */
    HallCase complete(String number, SpecialStep step, CaseActor actor) {
        return changes.move(number, actor, WindowBinding.Use.NONE, "case-step", "STEP_DONE", (h, tx, before) -> {
            CaseRules.requireDepartment(before, actor);
            requirePending(before, step);
            if (before.runningPause().isPresent() && before.runningPause().get().step() != step) {
                throw CaseStore.conflict("step-running", "办件 " + before.number() + " 的特别程序“" + before.runningPause().get().step().chinese()
                        + "”正在进行；先完成它，再记录“" + step.chinese() + "”");
            }
            requireStepState(before);
            Set<SpecialStep> done = stepsDone(h, before.number());
            done.add(step);
            CaseUpdate.STEPS_DONE.apply(h, before.number(), CaseState.SPECIAL_STEPS, CaseRows.stepList(done));
            return "完成特别程序：" + step.chinese() + resume(h, tx, before);
        });
    }

    /**
     * Ends the running pause of a case that ends or is decided meanwhile, and moves its deadline as a completion would.
     *
     * @return the note for the history, empty when no procedure ran
     */
    String endPause(Handle h, CaseStore.Tx tx, HallCase before) {
        return before.runningPause().isEmpty() ? "" : "；特别程序“" + before.runningPause().get().step().chinese() + "”随之结束"
                + resume(h, tx, before);
    }

    /** Ends the running pause, if any, and stores the moved deadline. @return the note for the history */
    private String resume(Handle h, CaseStore.Tx tx, HallCase before) {
        if (!CasePauses.end(h, before.number(), tx.at(), "")) {
            return "";
        }
        HallCase after = CaseRows.load(h, before.number(), false).orElseThrow();
        LocalDate today = tx.day();
        int paused = clock.pausedDays(after, today);
        LocalDate deadline = clock.deadline(after, paused);
        CaseUpdate.DEADLINE.apply(h, before.number(), after.state(), Date.valueOf(deadline));
        return "；办理时限恢复计算，特别程序共暂停 " + paused + " 个工作日，承诺办结日顺延至 " + deadline;
    }

    private static void requirePending(HallCase before, SpecialStep step) {
        if (!before.pendingSteps().contains(step)) {
            throw CaseStore.conflict("step-not-pending", "办件 " + before.number() + " 没有待完成的“" + step.chinese() + "”；待完成："
                    + before.pendingSteps());
        }
    }

    private static void requireStepState(HallCase before) {
        if (before.state() == CaseState.ACCEPTED) {
            CaseRules.requireMove(before, CaseState.SPECIAL_STEPS);
        } else if (before.state() != CaseState.SPECIAL_STEPS) {
            throw CaseStore.conflict("illegal-transition", "办件 " + before.number() + " 当前为 " + before.state() + "，不能办理特别程序");
        }
    }

    /** @return whether the case's matter asked for any special step, as stored */
    static boolean asksForSteps(Handle h, String number) {
        return !steps(h, number, "special_steps").isEmpty();
    }

    private static Set<SpecialStep> stepsDone(Handle h, String number) {
        return steps(h, number, "steps_done");
    }

    private static Set<SpecialStep> steps(Handle h, String number, String column) {
        return h.createQuery("SELECT special_steps, steps_done FROM hall_case WHERE case_no = :case").bind("case", number)
                .map((rs, ctx) -> CaseRows.steps(rs.getString(column))).one();
    }
}
