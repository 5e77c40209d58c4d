// The console's cases tab: the newest cases of the hall, read-only, with state and time light
// (GET /api/v1/cases), refreshed after case events and every 30 seconds.
import { api, el } from './common.js';
import { followCases, lightPill, when } from './cases.js';
import { clockText, t } from './i18n.js';

export const CONSOLE_CASE_DICT = {
  zh: {
    'tab.cases': '办件', 'cases.title': '最新办件（只读）', 'cases.none': '还没有办件', 'cases.number': '办件编号', 'cases.matter': '事项',
    'cases.department': '部门', 'cases.state': '状态', 'cases.light': '时限', 'cases.deadline': '承诺办结', 'cases.missing': '待补材料',
    'cases.accepted': '受理时间', 'cases.filter': '状态', 'cases.all': '全部',
  },
  en: {
    'tab.cases': 'Cases', 'cases.title': 'Newest cases (read only)', 'cases.none': 'No cases yet', 'cases.number': 'Case number',
    'cases.matter': 'Matter', 'cases.department': 'Department', 'cases.state': 'State', 'cases.light': 'Time', 'cases.deadline': 'Due',
    'cases.missing': 'Missing materials', 'cases.accepted': 'Accepted', 'cases.filter': 'State', 'cases.all': 'All',
  },
};

export const CASE_STATES = ['ACCEPTED', 'SPECIAL_STEPS', 'APPROVED', 'REJECTED', 'RESULT_READY', 'DELIVERED', 'CLOSED'];
const $ = (id) => document.getElementById(id);

/** The tab; say(text, isError) shows a refusal. */
export function createCasesTab({ say }) {
  let list = null;
  let updatedAt = null;
  let timer = null;
  let again = null;

  async function load() {
    const state = $('cases-state').value;
    try {
      list = (await api('/api/v1/cases?limit=100' + (state ? '&state=' + state : ''))).cases;
      updatedAt = new Date();
      draw();
    } catch (e) {
      say(e.message, true);
    }
  }

  function draw() {
    const chosen = $('cases-state').value;
    $('cases-state').replaceChildren(el('option', { value: '' }, t('cases.all')),
      ...CASE_STATES.map((s) => el('option', { value: s }, t('case.' + s))));
    $('cases-state').value = chosen;
    if (!list) return;
    $('cases-updated').textContent = updatedAt ? t('updatedAt', { time: clockText(updatedAt) }) : '';
    $('cases-empty').classList.toggle('hidden', list.length > 0);
    $('cases-table').classList.toggle('hidden', list.length === 0);
    $('cases-table').tBodies[0].replaceChildren(...list.map((c) => el('tr', { 'data-case': c.number },
      el('td', { class: 'mono' }, c.number),
      el('td', {}, c.matter.code + ' ' + c.matter.nameZh),
      el('td', {}, c.departmentId),
      el('td', { class: 'state' }, t('case.' + c.state)),
      el('td', { class: 'light-cell' }, lightPill(c.timing && c.timing.light)),
      el('td', {}, c.deadline),
      el('td', {}, (c.missingMaterials || []).join('、')),
      el('td', {}, when(c.acceptedAt)))));
  }

  function start() {
    draw();
    load();
    timer = setInterval(load, 30000);
    followCases({
      onConnected: (up) => { if (up) load(); },
      onEvent: () => { clearTimeout(again); again = setTimeout(load, 500); },
    });
    $('cases-state').addEventListener('change', load);
  }

  return { start, draw, stop: () => clearInterval(timer) };
}
