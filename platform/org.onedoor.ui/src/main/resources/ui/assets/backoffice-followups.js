// The back office's follow-ups of bad ratings (R18, 差评闭环): the bad ratings (1 非常不满意, 2 不满意)
// of the signed-in user's unit with their time light; for each one the step it awaits: verify and
// call back (POST .../callback), reply with the rectification (.../reply), or dispute an unjustified
// rating with evidence (.../dispute, decided by the hall). Above them the unit's figures this month.
import { api, el } from './common.js';
import { lightPill } from './cases.js';
import { t } from './i18n.js';

export const BACKOFFICE_FOLLOWUP_DICT = {
  zh: {
    'f.title': '本单位差评回访整改（{n} 件待办）', 'f.none': '本单位没有待办的差评', 'f.case': '办件编号', 'f.rated': '被评价',
    'f.score': '评价', 'f.comment': '群众意见', 'f.due': '整改期限', 'f.state': '状态', 'f.step': '办理',
    'f.justified': '经核实差评属实', 'f.unjustified': '经核实差评不属实', 'f.callback': '回访情况', 'f.sendCallback': '记录回访',
    'f.reply': '整改或说明', 'f.sendReply': '提交答复', 'f.evidence': '申诉证据', 'f.sendDispute': '提交申诉',
    'f.needText': '请先填写内容', 'f.done': '差评回访 {id} 已提交', 'f.late': '已超期', 'f.waitHall': '待大厅裁定申诉',
    'f.waitCitizen': '待大厅回访群众', 'f.refused': '申诉未采纳：{note}',
    'f.figures': '本月：有效评价 {effective} 条，评价率 {rate}，差评率 {bad}，差评按时回访整改率 {onTime}',
    'party.CLERK': '窗口', 'party.APPROVER': '审批',
    'followUp.OPEN': '待核实回访', 'followUp.CALLED_BACK': '待整改答复', 'followUp.DISPUTED': '申诉中', 'followUp.REPLIED': '已答复',
    'followUp.CLOSED': '已办结',
  },
  en: {
    'f.title': 'Bad ratings of this unit to follow up ({n} to do)', 'f.none': 'No bad rating of this unit is waiting', 'f.case': 'Case',
    'f.rated': 'Rated', 'f.score': 'Rating', 'f.comment': 'Citizen said', 'f.due': 'Due', 'f.state': 'State', 'f.step': 'Step',
    'f.justified': 'Verified: justified', 'f.unjustified': 'Verified: not justified', 'f.callback': 'Call-back result',
    'f.sendCallback': 'Record call back', 'f.reply': 'Rectification or explanation', 'f.sendReply': 'Send reply',
    'f.evidence': 'Evidence for the dispute', 'f.sendDispute': 'Dispute', 'f.needText': 'Write the text first',
    'f.done': 'Follow-up {id} sent', 'f.late': 'late', 'f.waitHall': 'The hall decides the dispute',
    'f.waitCitizen': 'The hall asks the citizen', 'f.refused': 'Dispute refused: {note}',
    'f.figures': 'This month: {effective} effective ratings, rating rate {rate}, bad share {bad}, on-time callback-and-fix {onTime}',
    'party.CLERK': 'Window', 'party.APPROVER': 'Approval',
    'followUp.OPEN': 'To verify and call back', 'followUp.CALLED_BACK': 'To rectify and reply', 'followUp.DISPUTED': 'Disputed',
    'followUp.REPLIED': 'Replied', 'followUp.CLOSED': 'Closed',
  },
};

const $ = (id) => document.getElementById(id);
const percent = (share) => (share * 100).toFixed(1) + '%';

/** The section; say(text, isError) shows a result or a refusal. */
export function createFollowUpSection({ say }) {
  let list = null;
  let unit = null;

  async function load() {
    try {
      list = (await api('/api/v1/rating-follow-ups?limit=100')).followUps.filter((f) => f.state !== 'CLOSED');
      unit = (await api('/api/v1/rating-follow-ups/figures')).figures.find((x) => x.dimension === 'unit') || null;
      draw();
    } catch (e) {
      say(e.message, true);
    }
  }

  async function step(f, action, body) {
    const text = Object.values(body).find((v) => typeof v === 'string');
    if (text !== undefined && !text.trim()) { say(t('f.needText'), true); return; }
    try {
      await api('/api/v1/rating-follow-ups/' + f.id + '/' + action, { method: 'POST', body });
      say(t('f.done', { id: f.id }), false);
      await load();
    } catch (e) {
      say(e.message, true);
    }
  }

  function box(label) {
    return el('textarea', { rows: 2, maxlength: 1000, placeholder: t(label), 'aria-label': t(label) });
  }

  function actions(f) {
    if (f.state === 'OPEN') {
      const justified = el('select', { 'aria-label': t('f.justified') },
        el('option', { value: 'true' }, t('f.justified')), el('option', { value: 'false' }, t('f.unjustified')));
      const callback = box('f.callback');
      return [justified, callback, el('button', { type: 'button', class: 'action primary', 'data-action': 'callback',
        onclick: () => step(f, 'callback', { justified: justified.value === 'true', callback: callback.value.trim() }) }, t('f.sendCallback'))];
    }
    if (f.state === 'CALLED_BACK') {
      const reply = box('f.reply');
      const out = [];
      if (f.decision) out.push(el('p', { class: 'muted' }, t('f.refused', { note: f.decision })));
      out.push(reply, el('button', { type: 'button', class: 'action primary', 'data-action': 'reply',
        onclick: () => step(f, 'reply', { reply: reply.value.trim() }) }, t('f.sendReply')));
      if (f.justified === false && !f.dispute) {
        const evidence = box('f.evidence');
        out.push(evidence, el('button', { type: 'button', class: 'action', 'data-action': 'dispute',
          onclick: () => step(f, 'dispute', { evidence: evidence.value.trim() }) }, t('f.sendDispute')));
      }
      return out;
    }
    return f.state === 'DISPUTED' ? t('f.waitHall') : t('f.waitCitizen');
  }

  function draw() {
    if (!list) return;
    const todo = list.filter((f) => f.state === 'OPEN' || f.state === 'CALLED_BACK');
    $('f-title').textContent = t('f.title', { n: todo.length });
    $('f-figures').textContent = unit ? t('f.figures', { effective: unit.effective, rate: percent(unit.ratingRate),
      bad: percent(unit.badShare), onTime: percent(unit.onTimeRate) }) : '';
    $('f-empty').classList.toggle('hidden', list.length > 0);
    $('f-table').classList.toggle('hidden', list.length === 0);
    $('f-table').tBodies[0].replaceChildren(...list.map((f) => el('tr', { 'data-follow-up': String(f.id) },
      el('td', {}, lightPill(f.light)),
      el('td', { class: 'mono' }, f.caseNumber),
      el('td', {}, t('party.' + f.party) + ' · ' + f.subject),
      el('td', {}, f.scoreName),
      el('td', {}, f.comment || '—'),
      el('td', { class: f.escalatedAt ? 'late' : '' }, f.due + (f.escalatedAt ? ' · ' + t('f.late') : '')),
      el('td', { class: 'state' }, t('followUp.' + f.state)),
      el('td', { class: 'step' }, actions(f)))));
  }

  return { start: () => { load(); setInterval(load, 30000); }, draw };
}
