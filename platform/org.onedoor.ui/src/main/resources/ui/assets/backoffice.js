// Back office: the department's queue of undecided cases (GET /api/v1/cases/back-office) with their
// time lights, one case in detail with its history, special steps, approve or reject with a
// reason, terminate with a reason after a confirmation (R9: a tolerance case whose supply-by day
// passed), result ready. Follows the case event stream of the department (page session).
import { api, confirmed, el } from './common.js';
import { clockBadge, followCases, lightPill, when, withCaseText } from './cases.js';
import { clockText, initI18n, onLanguage, t } from './i18n.js';
import { currentUser, holds, signIn, signOut, userText } from './session.js';
import { BACKOFFICE_COMPLAINT_DICT, createComplaintSection } from './backoffice-complaints.js';
import { BACKOFFICE_STAFF_DICT, createStaffSection } from './backoffice-staff.js';
import { BACKOFFICE_FOLLOWUP_DICT, createFollowUpSection } from './backoffice-followups.js';

const DICT = withCaseText({
  zh: {
    title: '后台审批', signOut: '退出登录', noAccess: '此账号不能使用后台审批（需要本部门的审批人员或部门用户）',
    'signIn.title': '登录', 'signIn.user': '用户名', 'signIn.password': '密码', 'signIn.submit': '登录',
    queueTitle: '{dept} 待审批办件（{n} 件）', legend: '时限灯：', empty: '队列中没有待审批的办件',
    'col.light': '时限', 'col.number': '办件编号', 'col.matter': '事项', 'col.applicant': '申请人', 'col.state': '状态',
    'col.deadline': '承诺办结', 'col.missing': '待补材料',
    'd.accepted': '受理', 'd.materials': '材料', 'd.steps': '特别程序', 'd.decision': '审批结果', 'd.reason': '审批意见（不予许可时必填）',
    'd.approve': '准予许可', 'd.reject': '不予许可', 'd.resultReady': '结果就绪（通知窗口送达）', 'd.history': '办理记录', 'd.files': '扫描件', 'd.noFiles': '无',
    'd.received': '已收', 'd.missing': '缺', 'd.none': '无', 'd.undecided': '未审批', 'd.stepDone': '{step}完成',
    'd.stepStart': '开始{step}（暂停计时）', 'd.stepFinish': '{step}完成（恢复计时）', 'd.stepStarted': '{step}已开始，办理时限暂停计算',
    'd.overdue': '容缺材料补齐期限已过：可不予许可或终止办理（R9）',
    'd.acceptedBy': '{at} · {by} · {window}号窗口', 'd.supplyBy': '（{day} 前补齐）', 'd.reasonNeeded': '不予许可请填写理由',
    'd.approved': '{number} 已准予许可', 'd.rejected': '{number} 不予许可', 'd.ready': '{number} 结果已就绪',
    'h.at': '时间', 'h.actor': '人员', 'h.origin': '地点', 'h.action': '环节', 'h.detail': '说明',
    'd.ended': '终止/撤回', 'd.terminate': '终止办理', 'd.terminateReason': '终止办理理由（必填，如申请人逾期未补齐容缺材料）',
    'd.terminateNeeded': '终止办理请填写理由', 'd.confirmTerminate': '确定终止办理 {number} 吗？终止后不能再审批。理由：{reason}',
    'd.terminated': '{number} 已终止办理，理由：{reason}', cancel: '取消', confirm: '确定',
  },
  en: {
    title: 'Back office', signOut: 'Sign out', noAccess: 'This account may not use the back office (it needs an approver or department user of a department)',
    'signIn.title': 'Sign in', 'signIn.user': 'User name', 'signIn.password': 'Password', 'signIn.submit': 'Sign in',
    queueTitle: '{dept}: cases awaiting a decision ({n})', legend: 'Time lights:', empty: 'No case is waiting for a decision',
    'col.light': 'Time', 'col.number': 'Case number', 'col.matter': 'Matter', 'col.applicant': 'Applicant', 'col.state': 'State',
    'col.deadline': 'Due', 'col.missing': 'Missing materials',
    'd.accepted': 'Accepted', 'd.materials': 'Materials', 'd.steps': 'Special steps', 'd.decision': 'Decision',
    'd.reason': 'Reason (required to reject)', 'd.approve': 'Approve', 'd.reject': 'Reject',
    'd.resultReady': 'Result ready (the window delivers)', 'd.history': 'History', 'd.files': 'Scans', 'd.noFiles': 'none', 'd.received': 'received', 'd.missing': 'missing',
    'd.none': 'none', 'd.undecided': 'not decided', 'd.stepDone': '{step} done',
    'd.stepStart': 'Begin {step} (pause the clock)', 'd.stepFinish': '{step} done (resume the clock)',
    'd.stepStarted': '{step} begun; the time limit is paused', 'd.overdue': 'The supply-by day has passed: reject or terminate (R9)', 'd.acceptedBy': '{at} · {by} · window {window}',
    'd.supplyBy': ' (supply by {day})', 'd.reasonNeeded': 'Give a reason to reject', 'd.approved': '{number} approved',
    'd.rejected': '{number} rejected', 'd.ready': '{number}: result ready',
    'h.at': 'At', 'h.actor': 'By', 'h.origin': 'Where', 'h.action': 'Step', 'h.detail': 'Detail',
    'd.ended': 'Ended', 'd.terminate': 'Terminate', 'd.terminateReason': 'Why terminated (required, e.g. a tolerable material not supplied in time)',
    'd.terminateNeeded': 'Give a reason to terminate', 'd.confirmTerminate': 'Terminate {number}? It cannot be decided afterwards. Reason: {reason}',
    'd.terminated': '{number} terminated: {reason}', cancel: 'Cancel', confirm: 'Confirm',
  },
});

const $ = (id) => document.getElementById(id);
const complaints = createComplaintSection({ say: (text, isError) => say(text, isError) });
const staff = createStaffSection({ say: (text, isError) => say(text, isError) });
const followUps = createFollowUpSection({ say: (text, isError) => say(text, isError) });
let user = null;
let queue = null;
let updatedAt = null;
let chosen = null; // the case in detail
let reload = null;

function say(text, isError) {
  $('message').textContent = isError ? text : '';
  $('info').textContent = isError ? '' : text;
}

async function loadQueue() {
  try {
    queue = await api('/api/v1/cases/back-office?department=' + encodeURIComponent(user.department));
    updatedAt = new Date();
    drawQueue();
  } catch (e) {
    say(e.message, true);
  }
}

function drawQueue() {
  if (!queue) return;
  $('queue-title').textContent = t('queueTitle', { dept: queue.departmentId, n: queue.cases.length });
  $('updated').textContent = updatedAt ? t('updatedAt', { time: clockText(updatedAt) }) : '';
  $('queue-empty').classList.toggle('hidden', queue.cases.length > 0);
  $('queue-table').tBodies[0].replaceChildren(...queue.cases.map((c) => el('tr', {
    class: 'clickable' + (chosen && chosen.number === c.number ? ' selected' : ''), 'data-case': c.number, onclick: () => open(c.number),
  },
  el('td', { class: 'light-cell' }, lightPill(c.timing && c.timing.light)),
  el('td', { class: 'mono number' }, c.number),
  el('td', {}, c.matter.code + ' ' + c.matter.nameZh),
  el('td', {}, c.applicant.name + ' ' + c.applicant.idNumber),
  el('td', { class: 'state' }, t('case.' + c.state)),
  el('td', {}, c.deadline),
  el('td', { class: 'missing' }, (c.missingMaterials || []).join('、')))));
}

async function open(number) {
  try {
    chosen = await api('/api/v1/cases/' + encodeURIComponent(number));
    $('reason').value = '';
    $('terminate-reason').value = '';
    drawDetail();
    drawQueue();
  } catch (e) {
    say(e.message, true);
  }
}

function drawDetail() {
  $('detail').classList.toggle('hidden', !chosen);
  if (!chosen) return;
  const c = chosen;
  $('detail').dataset.case = c.number;
  $('d-title').textContent = c.number + ' · ' + c.matter.nameZh;
  $('d-light').replaceChildren(lightPill(c.timing && c.timing.light));
  $('d-state').textContent = t('case.' + c.state);
  $('d-state').dataset.state = c.state;
  $('d-applicant').textContent = c.applicant.name + ' ' + c.applicant.idNumber;
  $('d-accepted').textContent = t('d.acceptedBy', { at: when(c.acceptedAt), by: c.acceptedBy, window: c.window });
  $('d-deadline').replaceChildren(c.deadline + ' (' + c.committedDays + ') ', clockBadge(c));
  $('d-materials').replaceChildren(...c.materials.map((m) => el('div', { class: m.received ? '' : 'missing' },
    (m.received ? '✓ ' : '✗ ') + m.name + ' · ' + t('material.' + m.kind) + (m.received ? '' : ' · ' + t('d.missing')))),
  ...(c.supplyBy && c.missingMaterials.length ? [el('div', { class: 'missing' }, t('d.supplyBy', { day: c.supplyBy }))] : []));
  drawFiles(c.number);
  const undecided = c.state === 'ACCEPTED' || c.state === 'SPECIAL_STEPS';
  // a step is begun (the clock stops) and then done (it runs again); while one runs, only it can be done
  const running = c.clock && c.clock.paused ? c.clock.step : '';
  $('d-steps').replaceChildren(c.pendingSteps.length ? el('div', { class: 'steps' }, ...c.pendingSteps.flatMap((s) => {
    const done = el('button', { type: 'button', class: 'action small', 'data-step': s,
      onclick: () => act('steps/' + s, {}, () => t('d.stepDone', { step: t('step.' + s) })) },
    running === s ? t('d.stepFinish', { step: t('step.' + s) }) : t('step.' + s));
    if (running) return running === s ? [done] : [];
    return [el('button', { type: 'button', class: 'action small', 'data-step-start': s,
      onclick: () => act('steps/' + s + '/start', {}, () => t('d.stepStarted', { step: t('step.' + s) })) }, t('d.stepStart', { step: t('step.' + s) })), done];
  })) : t('d.none'));
  $('d-decision').textContent = c.decision ? t('case.' + c.decision) + (c.decisionReason ? '：' + c.decisionReason : '')
    + (c.decidedBy ? ' · ' + c.decidedBy : '') : t('d.undecided');
  $('d-ended').textContent = c.endReason ? t('case.' + c.state) + '：' + c.endReason : t('d.none');
  $('decide').classList.toggle('hidden', !undecided);
  const blocked = c.missingMaterials.length > 0 || c.pendingSteps.length > 0;
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const overdue = c.missingMaterials.length > 0 && !!c.supplyBy && c.supplyBy < today; // R9: may be rejected (or terminated) now
  $('approve').disabled = blocked;
  $('reject').disabled = blocked && !overdue;
  $('d-overdue').classList.toggle('hidden', !(overdue && undecided));
  $('result-ready').classList.toggle('hidden', !(c.state === 'APPROVED' || c.state === 'REJECTED'));
  $('history').tBodies[0].replaceChildren(...(c.history || []).map((h) => el('tr', {},
    el('td', {}, when(h.at)), el('td', {}, h.actor), el('td', {}, h.origin), el('td', {}, h.action),
    el('td', {}, t('case.' + h.state)), el('td', {}, h.detail || ''))));
}

/** The case's scans, each a download for this department (GET /api/v1/cases/{no}/files/{id}, never public). */
async function drawFiles(number) {
  try {
    const answer = await api('/api/v1/cases/' + encodeURIComponent(number) + '/files');
    if (!chosen || chosen.number !== number) return;
    $('d-files').replaceChildren(...(answer.files.length ? answer.files.map((f) => el('div', { 'data-file': String(f.id) },
      el('a', { href: '/api/v1/cases/' + encodeURIComponent(number) + '/files/' + f.id, download: f.name }, f.name),
      ' · ' + f.material + '. ' + f.materialName + ' · ' + Math.max(1, Math.round(f.size / 1024)) + ' KB · ' + f.uploadedBy))
      : [t('d.noFiles')]));
  } catch (e) {
    $('d-files').textContent = e.message;
  }
}

async function act(path, body, done) {
  try {
    chosen = await api('/api/v1/cases/' + encodeURIComponent(chosen.number) + '/' + path, { method: 'POST', body });
    say(done(), false);
    chosen = await api('/api/v1/cases/' + encodeURIComponent(chosen.number)); // with its history
    drawDetail();
    await loadQueue();
  } catch (e) {
    say(e.message, true);
  }
}

function follow() {
  followCases({
    department: user.department,
    onConnected: (up) => {
      $('offline').classList.toggle('hidden', up);
      if (up) loadQueue();
    },
    onEvent: (e) => {
      clearTimeout(reload); // a burst of events: one reload after it
      reload = setTimeout(loadQueue, 300);
      if (chosen && e.caseNumber === chosen.number) open(chosen.number);
    },
  });
}

async function start(u) {
  user = u;
  $('who').textContent = userText(u);
  $('sign-out').classList.remove('hidden');
  $('signin').classList.add('hidden');
  if (!holds(u, 'approver', 'department') || !u.department) {
    $('no-access').classList.remove('hidden');
    return;
  }
  $('office').classList.remove('hidden');
  await loadQueue();
  follow();
  complaints.start();
  followUps.start();
  if (holds(u, 'department')) staff.start(); // the unit's own staff: its department users sign the forms (R15)
}

$('approve').addEventListener('click', () => act('decision', { approve: true, reason: $('reason').value.trim() },
  () => t('d.approved', { number: chosen.number })));
$('reject').addEventListener('click', () => {
  const reason = $('reason').value.trim();
  if (!reason) { say(t('d.reasonNeeded'), true); $('reason').focus(); return; }
  act('decision', { approve: false, reason }, () => t('d.rejected', { number: chosen.number }));
});
$('terminate').addEventListener('click', async () => {
  const reason = $('terminate-reason').value.trim();
  if (!reason) { say(t('d.terminateNeeded'), true); $('terminate-reason').focus(); return; }
  const number = chosen.number;
  if (!(await confirmed(t('d.confirmTerminate', { number, reason })))) return;
  act('termination', { reason }, () => t('d.terminated', { number, reason }));
});
$('result-ready').addEventListener('click', () => act('result-ready', {}, () => t('d.ready', { number: chosen.number })));
$('signin').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  try {
    const u = await signIn($('user').value.trim(), $('password').value);
    $('password').value = '';
    say('', false);
    await start(u);
  } catch (e) {
    say(e.message, true);
  }
});
$('sign-out').addEventListener('click', async () => {
  await signOut();
  location.reload();
});

initI18n({ zh: { ...DICT.zh, ...BACKOFFICE_COMPLAINT_DICT.zh, ...BACKOFFICE_FOLLOWUP_DICT.zh, ...BACKOFFICE_STAFF_DICT.zh },
  en: { ...DICT.en, ...BACKOFFICE_COMPLAINT_DICT.en, ...BACKOFFICE_FOLLOWUP_DICT.en, ...BACKOFFICE_STAFF_DICT.en } });
onLanguage(() => { drawQueue(); drawDetail(); complaints.draw(); followUps.draw(); staff.draw(); });
currentUser().then((u) => {
  if (u) start(u);
  else $('signin').classList.remove('hidden');
});
