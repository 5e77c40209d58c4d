// The console's complaints tab (R20): the complaint desk's intake form for complaints taken at the
// desk, by phone or from the 12345 hotline, and the hall's follow-up list: assign to a unit, record
// the complainant's answer to the unit's reply, close. The unit replies from its own views.
import { api, el } from './common.js';
import { clockText, t } from './i18n.js';

export const CONSOLE_COMPLAINT_DICT = {
  zh: {
    'tab.complaints': '投诉', 'complaints.title': '投诉受理与跟踪', 'complaints.intake': '登记投诉', 'complaints.channel': '渠道',
    'complaints.kind': '类别', 'complaints.complainant': '投诉人', 'complaints.phone': '回访电话', 'complaints.unit': '被投诉单位',
    'complaints.caseNumber': '办件编号（可选）', 'complaints.text': '投诉内容', 'complaints.submit': '登记', 'complaints.filed': '已登记投诉 {number}',
    'complaints.none': '没有投诉', 'complaints.number': '编号', 'complaints.state': '状态', 'complaints.due': '答复期限',
    'complaints.reply': '单位答复', 'complaints.actions': '处理', 'complaints.assign': '分派', 'complaints.accepted': '投诉人认可',
    'complaints.notAccepted': '不认可', 'complaints.close': '办结', 'complaints.reason': '办结理由', 'complaints.escalated': '已超期上报',
    'complaints.unknownUnit': '未指定', 'complaints.all': '全部', 'complaints.done': '投诉 {number}：{state}',
    'complaint.RECEIVED': '待分派', 'complaint.ASSIGNED': '待答复', 'complaint.REPLIED': '待回访', 'complaint.CLOSED': '已办结',
    'channel.DESK': '投诉台', 'channel.PHONE': '电话', 'channel.HOTLINE_12345': '12345热线', 'channel.KIOSK': '自助终端', 'channel.CITIZEN_PAGE': '网页',
    'kind.SLOW': '办事拖延', 'kind.ATTITUDE': '服务态度', 'kind.FEES': '违规收费', 'kind.STANDARDS': '标准不一', 'kind.WRONG_RESULT': '结果错误',
    'kind.EXTRA_VISITS': '多次跑腿', 'kind.FACILITIES': '环境设施', 'kind.OTHER': '其他',
  },
  en: {
    'tab.complaints': 'Complaints', 'complaints.title': 'Complaints taken and followed', 'complaints.intake': 'Enter a complaint',
    'complaints.channel': 'Channel', 'complaints.kind': 'Kind', 'complaints.complainant': 'Complainant', 'complaints.phone': 'Phone to call back',
    'complaints.unit': 'Unit complained about', 'complaints.caseNumber': 'Case number (optional)', 'complaints.text': 'What happened',
    'complaints.submit': 'Enter', 'complaints.filed': 'Complaint {number} entered', 'complaints.none': 'No complaints',
    'complaints.number': 'Number', 'complaints.state': 'State', 'complaints.due': 'Reply due', 'complaints.reply': "Unit's reply",
    'complaints.actions': 'Follow-up', 'complaints.assign': 'Assign', 'complaints.accepted': 'Accepted', 'complaints.notAccepted': 'Not accepted',
    'complaints.close': 'Close', 'complaints.reason': 'Reason for closing', 'complaints.escalated': 'late, escalated',
    'complaints.unknownUnit': 'not named', 'complaints.all': 'All', 'complaints.done': 'Complaint {number}: {state}',
    'complaint.RECEIVED': 'To assign', 'complaint.ASSIGNED': 'Awaiting reply', 'complaint.REPLIED': 'To call back', 'complaint.CLOSED': 'Closed',
    'channel.DESK': 'Desk', 'channel.PHONE': 'Phone', 'channel.HOTLINE_12345': '12345 hotline', 'channel.KIOSK': 'Kiosk', 'channel.CITIZEN_PAGE': 'Web',
    'kind.SLOW': 'Slow handling', 'kind.ATTITUDE': 'Attitude', 'kind.FEES': 'Irregular fees', 'kind.STANDARDS': 'Inconsistent standards',
    'kind.WRONG_RESULT': 'Wrong result', 'kind.EXTRA_VISITS': 'Extra visits', 'kind.FACILITIES': 'Premises', 'kind.OTHER': 'Other',
  },
};

const STAFF_CHANNELS = ['DESK', 'PHONE', 'HOTLINE_12345'];
const KINDS = ['SLOW', 'ATTITUDE', 'FEES', 'STANDARDS', 'WRONG_RESULT', 'EXTRA_VISITS', 'FACILITIES', 'OTHER'];
const STATES = ['RECEIVED', 'ASSIGNED', 'REPLIED', 'CLOSED'];
const $ = (id) => document.getElementById(id);

/** The tab; say(text, isError) shows a result or a refusal. */
export function createComplaintsTab({ say }) {
  let list = null;
  let units = [];
  let updatedAt = null;
  let timer = null;

  const options = (values, prefix, chosen) => values.map((v) => el('option', { value: v, selected: v === chosen }, t(prefix + v)));
  const unitOptions = (chosen, withNone) => [
    ...(withNone ? [el('option', { value: '' }, t('complaints.unknownUnit'))] : []),
    ...units.map((u) => el('option', { value: u.id, selected: u.id === chosen }, u.id + ' ' + u.nameZh))];

  async function load() {
    const state = $('complaints-state').value;
    try {
      list = (await api('/api/v1/complaints?limit=100' + (state ? '&state=' + state : ''))).complaints;
      updatedAt = new Date();
      drawList();
    } catch (e) {
      say(e.message, true);
    }
  }

  async function step(number, path, body) {
    try {
      const c = await api('/api/v1/complaints/' + number + '/' + path, { method: 'POST', body });
      say(t('complaints.done', { number, state: t('complaint.' + c.state) }), false);
      await load();
    } catch (e) {
      say(e.message, true);
    }
  }

  function actions(c) {
    if (c.state === 'RECEIVED' || c.state === 'ASSIGNED') {
      const unit = el('select', { class: 'unit' }, unitOptions(c.departmentId, false));
      return [unit, el('button', { type: 'button', class: 'action', 'data-action': 'assign',
        onclick: () => step(c.number, 'assign', { departmentId: unit.value }) }, t('complaints.assign'))];
    }
    if (c.state === 'REPLIED') {
      const reason = el('input', { class: 'reason', placeholder: t('complaints.reason'), maxlength: 500 });
      return [
        el('button', { type: 'button', class: 'action primary', 'data-action': 'accepted',
          onclick: () => step(c.number, 'response', { accepted: true }) }, t('complaints.accepted')),
        el('button', { type: 'button', class: 'action', 'data-action': 'not-accepted',
          onclick: () => step(c.number, 'response', { accepted: false }) }, t('complaints.notAccepted')),
        reason,
        el('button', { type: 'button', class: 'action', 'data-action': 'close',
          onclick: () => step(c.number, 'close', { reason: reason.value }) }, t('complaints.close'))];
    }
    return [];
  }

  function drawForm() {
    const keep = (id) => $(id).value;
    const channel = keep('complaint-channel') || 'DESK';
    const kind = keep('complaint-kind') || 'SLOW';
    const unit = keep('complaint-unit');
    $('complaint-channel').replaceChildren(...options(STAFF_CHANNELS, 'channel.', channel));
    $('complaint-kind').replaceChildren(...options(KINDS, 'kind.', kind));
    $('complaint-unit').replaceChildren(...unitOptions(unit, true));
    const chosen = $('complaints-state').value;
    $('complaints-state').replaceChildren(el('option', { value: '' }, t('complaints.all')), ...options(STATES, 'complaint.', chosen));
  }

  function drawList() {
    if (!list) return;
    $('complaints-updated').textContent = updatedAt ? t('updatedAt', { time: clockText(updatedAt) }) : '';
    $('complaints-empty').classList.toggle('hidden', list.length > 0);
    $('complaints-table').classList.toggle('hidden', list.length === 0);
    $('complaints-table').tBodies[0].replaceChildren(...list.map((c) => el('tr', { 'data-complaint': c.number },
      el('td', { class: 'mono' }, c.number),
      el('td', {}, t('channel.' + c.channel)),
      el('td', {}, t('kind.' + c.kind)),
      el('td', {}, c.complainant + ' ' + c.phone),
      el('td', { class: 'unit-cell' }, c.departmentId || '—'),
      el('td', { class: 'state' }, t('complaint.' + c.state)),
      el('td', { class: c.escalatedAt ? 'late' : '' }, c.replyDue + (c.escalatedAt ? ' · ' + t('complaints.escalated') : '')),
      el('td', { class: 'text' }, c.text),
      el('td', { class: 'reply' }, c.reply || '—'),
      el('td', { class: 'actions' }, actions(c)))));
  }

  async function submit(ev) {
    ev.preventDefault();
    const body = {
      channel: $('complaint-channel').value, kind: $('complaint-kind').value, complainant: $('complaint-name').value.trim(),
      phone: $('complaint-phone').value.trim(), departmentId: $('complaint-unit').value, caseNumber: $('complaint-case').value.trim(),
      text: $('complaint-text').value.trim(),
    };
    try {
      const c = await api('/api/v1/complaints/intake', { method: 'POST', body });
      say(t('complaints.filed', { number: c.number }), false);
      ['complaint-name', 'complaint-phone', 'complaint-case', 'complaint-text'].forEach((id) => { $(id).value = ''; });
      await load();
    } catch (e) {
      say(e.message, true);
    }
  }

  async function start() {
    try {
      units = (await api('/api/v1/departments')).departments || [];
    } catch (e) {
      say(e.message, true);
    }
    drawForm();
    load();
    timer = setInterval(load, 30000);
    $('complaints-state').addEventListener('change', load);
    $('complaint-form').addEventListener('submit', submit);
  }

  function draw() {
    drawForm();
    drawList();
  }

  return { start, draw, stop: () => clearInterval(timer) };
}
