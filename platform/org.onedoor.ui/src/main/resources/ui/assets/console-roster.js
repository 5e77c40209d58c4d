// The console's roster tab (R17 windows and name plates): who sits at which window on a chosen hall
// day (GET /api/v1/staff/roster?day=), by staff number, name plate and zone; the hall's staff put an
// active member at a window (PUT /api/v1/staff/roster/{day}/{window}) or take the entry off (DELETE).
// A refusal (wrong zone, a day gone by, a member not active) is shown with the problem's own detail.
import { api, el, HALL, hallPath } from './common.js';
import { clockText, lang, nameOf, t } from './i18n.js';

export const CONSOLE_ROSTER_DICT = {
  zh: {
    'tab.roster': '窗口排班', 'roster.title': '窗口排班（谁在哪个窗口）', 'roster.day': '日期', 'roster.assign': '安排窗口',
    'roster.window': '窗口', 'roster.staff': '工作人员', 'roster.submit': '排班', 'roster.none': '这一天没有排班',
    'roster.zone': '区域', 'roster.number': '工号', 'roster.plate': '姓名牌', 'roster.unit': '单位', 'roster.by': '安排人',
    'roster.remove': '撤下', 'roster.pick': '请选择工作人员', 'roster.noZone': '未定区域',
    'roster.assigned': '{window}号窗口 {day}：{plate}', 'roster.removed': '{window}号窗口 {day} 的排班已撤下',
    'roster.notThere': '{window}号窗口 {day} 没有排班', 'roster.confirmRemove': '确定撤下 {window}号窗口 {day} 的排班（{plate}）吗？',
  },
  en: {
    'tab.roster': 'Roster', 'roster.title': 'Window roster (who sits at which window)', 'roster.day': 'Day', 'roster.assign': 'Put at a window',
    'roster.window': 'Window', 'roster.staff': 'Staff member', 'roster.submit': 'Roster', 'roster.none': 'Nobody is rostered on this day',
    'roster.zone': 'Zone', 'roster.number': 'Number', 'roster.plate': 'Name plate', 'roster.unit': 'Unit', 'roster.by': 'By',
    'roster.remove': 'Take off', 'roster.pick': 'Choose a staff member', 'roster.noZone': 'no zone',
    'roster.assigned': 'Window {window} on {day}: {plate}', 'roster.removed': 'Window {window} on {day} taken off the roster',
    'roster.notThere': 'Window {window} on {day} had no roster entry', 'roster.confirmRemove': 'Take window {window} on {day} ({plate}) off the roster?',
  },
};

const $ = (id) => document.getElementById(id);
const hallDay = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const hallQuery = () => (HALL ? '&hall=' + encodeURIComponent(HALL) : '');

/** A refusal for people: the problem document's detail (which names the rule), else the page's message. */
const refusal = (e) => e.detail || e.message;

/** The tab; say(text, isError) shows a result or a refusal, confirmed(text) asks before an entry is taken off. */
export function createRosterTab({ say, confirmed }) {
  let answer = null;
  let members = [];
  let zones = [];
  let updated = null;
  let timer = null;

  const plateText = (p) => (p ? p.realName + ' · ' + (lang() === 'en' ? p.postEn : p.postZh) : '—');
  const zoneText = (id) => {
    const z = zones.find((x) => x.id === id);
    return z ? z.letter + ' ' + nameOf(z) : (id || '—');
  };

  async function load() {
    const day = $('roster-day').value || hallDay();
    try {
      answer = await api('/api/v1/staff/roster?day=' + encodeURIComponent(day) + hallQuery());
      updated = new Date();
      draw();
    } catch (e) {
      say(refusal(e), true);
    }
  }

  async function loadMembers() {
    try {
      members = ((await api('/api/v1/staff')).staff || []).filter((m) => m.state === 'ACTIVE');
      zones = (await api(hallPath('zones') + '?state=all')).zones || [];
    } catch (e) {
      say(refusal(e), true);
    }
    draw();
  }

  async function assign(ev) {
    ev.preventDefault();
    const day = $('roster-day').value || hallDay();
    const win = $('roster-window').value.trim();
    const staffId = Number($('roster-staff').value);
    if (!staffId) { say(t('roster.pick'), true); return; }
    try {
      const body = HALL ? { staffId, hallId: HALL } : { staffId };
      const entry = await api('/api/v1/staff/roster/' + day + '/' + encodeURIComponent(win), { method: 'PUT', body });
      say(t('roster.assigned', { window: entry.window, day, plate: (entry.plate ? entry.plate.staffNumber + ' ' : '') + plateText(entry.plate) }), false);
      await load();
    } catch (e) {
      say(refusal(e), true);
    }
  }

  async function remove(entry) {
    const plate = (entry.plate ? entry.plate.staffNumber + ' ' : '') + plateText(entry.plate);
    if (!(await confirmed(t('roster.confirmRemove', { window: entry.window, day: entry.day, plate })))) return;
    try {
      const r = await api('/api/v1/staff/roster/' + entry.day + '/' + entry.window + (HALL ? '?hall=' + encodeURIComponent(HALL) : ''),
        { method: 'DELETE' });
      say(t(r.removed ? 'roster.removed' : 'roster.notThere', { window: entry.window, day: entry.day }), false);
      await load();
    } catch (e) {
      say(refusal(e), true);
    }
  }

  function draw() {
    const chosen = $('roster-staff').value;
    $('roster-staff').replaceChildren(el('option', { value: '' }, t('roster.pick')), ...members.map((m) => el('option', {
      value: String(m.id), selected: String(m.id) === chosen,
    }, (m.staffNumber || '—') + ' ' + m.realName + ' · ' + m.unitId + ' · ' + (lang() === 'en' ? m.postEn : m.postZh))));
    if (!answer) return;
    $('roster-updated').textContent = updated ? t('updatedAt', { time: clockText(updated) }) : '';
    const rows = answer.roster || [];
    $('roster-empty').classList.toggle('hidden', rows.length > 0);
    $('roster-table').classList.toggle('hidden', rows.length === 0);
    $('roster-table').tBodies[0].replaceChildren(...rows.map((r) => el('tr', { 'data-window': String(r.window), 'data-staff': String(r.staffId) },
      el('td', { class: 'num' }, String(r.window)),
      el('td', { class: 'zone' }, zoneText(r.zoneId)),
      el('td', { class: 'mono number' }, r.plate ? r.plate.staffNumber : '—'),
      el('td', { class: 'plate' }, plateText(r.plate)),
      el('td', {}, r.plate ? r.plate.unitId : '—'),
      el('td', {}, r.assignedBy),
      el('td', { class: 'actions' }, el('button', { type: 'button', class: 'action small warn', 'data-action': 'remove',
        onclick: () => remove(r) }, t('roster.remove'))))));
  }

  function start() {
    $('roster-day').value = hallDay();
    $('roster-day').addEventListener('change', load);
    $('roster-form').addEventListener('submit', assign);
    loadMembers();
    load();
    timer = setInterval(load, 30000);
  }

  return { start, draw, load: () => { loadMembers(); load(); }, stop: () => clearInterval(timer) };
}
