// The console's follow-ups tab (R18, 差评闭环): the hall's side of the follow-up of bad ratings.
// Every unit's follow-ups with their light; the hall decides a unit's dispute (upheld excludes the
// rating) and records the citizen's answer to the unit's reply. Below, this month's figures per
// unit, window and person. The units call back, reply and dispute from the back office.
import { api, el } from './common.js';
import { lightPill } from './cases.js';
import { clockText, t } from './i18n.js';

export const CONSOLE_FOLLOWUP_DICT = {
  zh: {
    'tab.followups': '差评回访', 'fu.light': '时限', 'fu.title': '差评回访整改', 'fu.state': '状态', 'fu.all': '全部', 'fu.none': '没有差评回访',
    'fu.case': '办件编号', 'fu.unit': '单位', 'fu.rated': '被评价', 'fu.score': '评价', 'fu.due': '整改期限', 'fu.callback': '回访情况',
    'fu.reply': '单位答复', 'fu.dispute': '申诉证据', 'fu.actions': '处理', 'fu.note': '说明', 'fu.upheld': '申诉成立（剔除差评）',
    'fu.refused': '申诉不成立', 'fu.satisfied': '群众满意', 'fu.notSatisfied': '群众不满意', 'fu.needNote': '请填写裁定说明',
    'fu.done': '差评回访 {id}：{state}', 'fu.escalated': '已超期上报', 'fu.excluded': '已剔除',
    'fu.figures': '本月统计', 'fu.by': '维度', 'fu.key': '对象', 'fu.finished': '办结', 'fu.rate': '评价率', 'fu.effective': '有效评价',
    'fu.bad': '差评', 'fu.badShare': '差评率', 'fu.onTime': '按时回访整改率', 'fu.late': '超期',
    'by.unit': '单位', 'by.window': '窗口', 'by.person': '人员', 'party.CLERK': '窗口', 'party.APPROVER': '审批',
    'followUp.OPEN': '待核实回访', 'followUp.CALLED_BACK': '待整改答复', 'followUp.DISPUTED': '申诉待裁定', 'followUp.REPLIED': '待回访群众',
    'followUp.CLOSED': '已办结',
  },
  en: {
    'tab.followups': 'Bad ratings', 'fu.light': 'Time', 'fu.title': 'Follow-up of bad ratings', 'fu.state': 'State', 'fu.all': 'All', 'fu.none': 'No follow-ups',
    'fu.case': 'Case', 'fu.unit': 'Unit', 'fu.rated': 'Rated', 'fu.score': 'Rating', 'fu.due': 'Due', 'fu.callback': 'Call back',
    'fu.reply': "Unit's reply", 'fu.dispute': 'Evidence', 'fu.actions': 'Step', 'fu.note': 'Note', 'fu.upheld': 'Uphold (exclude the rating)',
    'fu.refused': 'Refuse the dispute', 'fu.satisfied': 'Citizen satisfied', 'fu.notSatisfied': 'Not satisfied',
    'fu.needNote': 'Write a note for the decision', 'fu.done': 'Follow-up {id}: {state}', 'fu.escalated': 'late, escalated',
    'fu.excluded': 'excluded', 'fu.figures': 'This month', 'fu.by': 'By', 'fu.key': 'Who', 'fu.finished': 'Finished',
    'fu.rate': 'Rating rate', 'fu.effective': 'Effective', 'fu.bad': 'Bad', 'fu.badShare': 'Bad share', 'fu.onTime': 'On-time fix rate',
    'fu.late': 'Late', 'by.unit': 'Unit', 'by.window': 'Window', 'by.person': 'Person', 'party.CLERK': 'Window', 'party.APPROVER': 'Approval',
    'followUp.OPEN': 'To verify and call back', 'followUp.CALLED_BACK': 'To rectify and reply', 'followUp.DISPUTED': 'Dispute to decide',
    'followUp.REPLIED': 'To ask the citizen', 'followUp.CLOSED': 'Closed',
  },
};

const STATES = ['OPEN', 'CALLED_BACK', 'DISPUTED', 'REPLIED', 'CLOSED'];
const $ = (id) => document.getElementById(id);
const percent = (share) => (share * 100).toFixed(1) + '%';

/** The tab; say(text, isError) shows a result or a refusal. */
export function createFollowUpsTab({ say }) {
  let list = null;
  let figures = [];
  let updatedAt = null;
  let timer = null;

  async function load() {
    const state = $('fu-state').value;
    try {
      list = (await api('/api/v1/rating-follow-ups?limit=100' + (state ? '&state=' + state : ''))).followUps;
      figures = (await api('/api/v1/rating-follow-ups/figures')).figures;
      updatedAt = new Date();
      drawList();
    } catch (e) {
      say(e.message, true);
    }
  }

  async function step(f, path, body) {
    try {
      const next = await api('/api/v1/rating-follow-ups/' + f.id + '/' + path, { method: 'POST', body });
      say(t('fu.done', { id: f.id, state: t('followUp.' + next.state) }), false);
      await load();
    } catch (e) {
      say(e.message, true);
    }
  }

  function actions(f) {
    const note = el('input', { class: 'reason', placeholder: t('fu.note'), maxlength: 500 });
    if (f.state === 'DISPUTED') {
      const decide = (upheld) => {
        if (!note.value.trim()) { say(t('fu.needNote'), true); return; }
        step(f, 'decision', { upheld, note: note.value.trim() });
      };
      return [note,
        el('button', { type: 'button', class: 'action primary', 'data-action': 'upheld', onclick: () => decide(true) }, t('fu.upheld')),
        el('button', { type: 'button', class: 'action', 'data-action': 'refused', onclick: () => decide(false) }, t('fu.refused'))];
    }
    if (f.state === 'REPLIED') {
      return [note,
        el('button', { type: 'button', class: 'action primary', 'data-action': 'satisfied',
          onclick: () => step(f, 'response', { satisfied: true, note: note.value.trim() }) }, t('fu.satisfied')),
        el('button', { type: 'button', class: 'action', 'data-action': 'not-satisfied',
          onclick: () => step(f, 'response', { satisfied: false, note: note.value.trim() }) }, t('fu.notSatisfied'))];
    }
    return f.excluded ? t('fu.excluded') : [];
  }

  function drawStates() {
    const chosen = $('fu-state').value;
    $('fu-state').replaceChildren(el('option', { value: '' }, t('fu.all')),
      ...STATES.map((s) => el('option', { value: s, selected: s === chosen }, t('followUp.' + s))));
  }

  function drawList() {
    if (!list) return;
    $('fu-updated').textContent = updatedAt ? t('updatedAt', { time: clockText(updatedAt) }) : '';
    $('fu-empty').classList.toggle('hidden', list.length > 0);
    $('fu-table').classList.toggle('hidden', list.length === 0);
    $('fu-table').tBodies[0].replaceChildren(...list.map((f) => el('tr', { 'data-follow-up': String(f.id) },
      el('td', {}, lightPill(f.light)),
      el('td', { class: 'mono' }, f.caseNumber),
      el('td', {}, f.departmentId),
      el('td', {}, t('party.' + f.party) + ' · ' + f.subject),
      el('td', {}, f.scoreName),
      el('td', { class: 'state' }, t('followUp.' + f.state)),
      el('td', { class: f.escalatedAt ? 'late' : '' }, f.due + (f.escalatedAt ? ' · ' + t('fu.escalated') : '')),
      el('td', { class: 'text' }, f.callback || '—'),
      el('td', { class: 'text' }, f.reply || '—'),
      el('td', { class: 'text' }, f.dispute || '—'),
      el('td', { class: 'actions' }, actions(f)))));
    $('fu-figures').tBodies[0].replaceChildren(...figures.map((x) => el('tr', {},
      el('td', {}, t('by.' + x.dimension)), el('td', { class: 'mono' }, x.key), el('td', {}, String(x.finished)),
      el('td', {}, percent(x.ratingRate)), el('td', {}, String(x.effective)), el('td', {}, String(x.bad)),
      el('td', {}, percent(x.badShare)), el('td', {}, String(x.late)), el('td', {}, percent(x.onTimeRate)))));
  }

  function start() {
    drawStates();
    load();
    timer = setInterval(load, 30000);
    $('fu-state').addEventListener('change', load);
  }

  function draw() {
    drawStates();
    drawList();
  }

  return { start, draw, stop: () => clearInterval(timer) };
}
