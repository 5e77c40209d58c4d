// Citizen status: a ticket's state, position and estimated wait, refreshed every 10 seconds; a case
// looked up by number and check code (POST /api/v1/cases/lookup), and after delivery its
// good/bad evaluation (好差评): five levels with reason chips, the window clerk and the back-office
// approver rated separately (GET /api/v1/ratings/reasons, POST …/evaluation per party), changeable
// within the hall's days. The channel comes from ?channel= (NOTIFICATION_LINK in the text's link,
// KIOSK on the hall's kiosks), the citizen page otherwise.
import { api, clock, el, hallPath, zones } from './common.js';
import { clockBadge, clockLine, withCaseText } from './cases.js';
import { initI18n, lang, nameOf, onLanguage, t } from './i18n.js';

const CASE_DICT = {
  zh: {
    'lookup.title': '办件查询', 'lookup.number': '办件编号', 'lookup.code': '查询码', 'lookup.codeHint': '回执上的 6 位数字',
    'lookup.submit': '查询', 'lookup.incomplete': '请输入办件编号和 6 位查询码', 'problem.unknown-case': '办件编号或查询码不对，请核对回执',
    'problem.lookup-locked': '查询码错误次数过多，请 15 分钟后再试', 'lk.deadline': '承诺办结日期', 'lk.clock': '办理时限', 'lk.missing': '待补材料',
    'lk.delivery': '送达', 'lk.supplyBy': '请在 {day} 前补齐', 'lk.notYet': '尚未送达', 'lk.pickup': '取件码 {code}',
    'lk.tracking': '快递单号 {no}', 'lk.mailTo': '免费邮寄至 {line}', 'lk.toBeMailed': '结果将免费邮寄至 {line}', 'lk.none': '无', 'lk.bundle': '一件事 · {name}', 'lk.part': '{matter}：{state}',
    'lk.decision.REJECTED': '不予许可：{reason}',
    'rate.title': '请评价本次服务', 'rate.clerk': '窗口工作人员', 'rate.approver': '后台审批人员', 'rate.comment': '意见建议（可不填）',
    'rate.submit': '提交评价', 'rate.thanks': '感谢您的评价！', 'rate.star': '{n} 星',
    'rate.1': '非常不满意', 'rate.2': '不满意', 'rate.3': '基本满意', 'rate.4': '满意', 'rate.5': '非常满意',
    'problem.already-rated': '这个办件已经评价过了，感谢您', 'problem.not-finished': '办件送达后才能评价',
    'rate.hint': '一事一评：窗口受理和后台审批分别评价', 'rate.need': '选择“不满意”或“非常不满意”时，请选择原因或填写意见',
    'rate.change': '修改评价', 'rate.until': '如需修改，请在 {until} 前重新提交', 'rate.done': '您已评价：窗口 {clerk}，审批 {approver}',
    'problem.change-period-over': '已超过修改期限，评价不能再修改', 'problem.reason-required': '不满意时请选择原因或填写意见',
  },
  en: {
    'lookup.title': 'Look up a case', 'lookup.number': 'Case number', 'lookup.code': 'Check code', 'lookup.codeHint': 'the 6 digits on your receipt',
    'lookup.submit': 'Look up', 'lookup.incomplete': 'Enter the case number and the 6-digit check code',
    'problem.unknown-case': 'Case number or check code is wrong, please check your receipt',
    'problem.lookup-locked': 'Too many wrong check codes, try again in 15 minutes', 'lk.deadline': 'Due by', 'lk.clock': 'Time limit', 'lk.missing': 'Materials to supply',
    'lk.delivery': 'Delivery', 'lk.supplyBy': 'please supply them by {day}', 'lk.notYet': 'not delivered yet', 'lk.pickup': 'pickup code {code}',
    'lk.tracking': 'tracking number {no}', 'lk.mailTo': 'mailed free to {line}', 'lk.toBeMailed': 'the result will be mailed free to {line}', 'lk.none': 'none', 'lk.bundle': 'One thing · {name}', 'lk.part': '{matter}: {state}',
    'lk.decision.REJECTED': 'Rejected: {reason}',
    'rate.title': 'Please rate our service', 'rate.clerk': 'Window clerk', 'rate.approver': 'Back-office approver',
    'rate.comment': 'Comments (optional)', 'rate.submit': 'Send rating', 'rate.thanks': 'Thank you for your rating!', 'rate.star': '{n} stars',
    'rate.1': 'Very dissatisfied', 'rate.2': 'Dissatisfied', 'rate.3': 'Basically satisfied', 'rate.4': 'Satisfied', 'rate.5': 'Very satisfied',
    'problem.already-rated': 'This case has already been rated, thank you', 'problem.not-finished': 'A case can be rated after delivery',
    'rate.hint': 'One rating per service: the window and the back office are rated separately',
    'rate.need': 'For “dissatisfied” or “very dissatisfied”, choose a reason or write a comment',
    'rate.change': 'Change my rating', 'rate.until': 'You may change it until {until}', 'rate.done': 'Your rating: window {clerk}, approval {approver}',
    'problem.change-period-over': 'The period for changes is over', 'problem.reason-required': 'Choose a reason or write a comment',
  },
};

const DICT = {
  zh: {
    title: '排队进度', 'ahead.before': '前面还有', 'ahead.after': '人', 'wait.before': '预计等候', 'wait.after': '分钟',
    refresh: '每 10 秒自动刷新 · 更新于',
    goTo: '请到 {window} 号窗口办理', serving: '{window} 号窗口正在为您办理', plate: '工号 {number} {name}',
    notFound: '没有找到这张票（只能查询当天的票）', retry: '暂时无法连接，稍后自动重试',
    'sms.label': '叫号时短信提醒我', 'sms.hint': '11 位手机号码', 'sms.submit': '提醒我', 'sms.done': '叫号时将短信通知 {phone}',
    'problem.invalid-phone': '请填写 11 位手机号码',
  },
  en: {
    title: 'Queue status', 'ahead.before': 'People ahead: ', 'ahead.after': '', 'wait.before': 'Estimated wait: ', 'wait.after': ' min',
    refresh: 'Refreshes every 10 seconds · updated at',
    goTo: 'Please go to window {window}', serving: 'Window {window} is serving you', plate: 'staff no. {number} {name}',
    notFound: 'Ticket not found (only today\'s tickets can be looked up)', retry: 'Cannot connect now, retrying shortly',
    'sms.label': 'Text me when I am called', 'sms.hint': '11-digit mobile number', 'sms.submit': 'Text me',
    'sms.done': 'A text message will go to {phone} when you are called', 'problem.invalid-phone': 'Enter an 11-digit mobile number',
  },
};

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const id = params.get('id') || '';
let zoneList = {};
let last = null;
let problem = '';

function draw() {
  $('message').textContent = problem ? t(problem) : '';
  if (!last) return;
  const tk = last;
  $('card').classList.remove('hidden');
  $('zone').textContent = nameOf(zoneList[tk.zoneId]) || tk.zoneId;
  $('number').textContent = tk.number;
  $('status').textContent = t('status.' + tk.status);
  const waiting = tk.status === 'WAITING' && tk.position;
  $('waiting').classList.toggle('hidden', !waiting);
  if (waiting) {
    $('ahead').textContent = String(tk.position - 1);
    $('wait').textContent = String(tk.estimatedWaitMinutes);
  }
  $('sms').classList.toggle('hidden', tk.status !== 'WAITING' && !smsPhone);
  const atWindow = (tk.status === 'CALLED' || tk.status === 'SERVING') && tk.window;
  $('window').classList.toggle('hidden', !atWindow);
  if (atWindow) {
    $('window').textContent = t(tk.status === 'CALLED' ? 'goTo' : 'serving', { window: tk.window })
      + (tk.plate ? ' · ' + t('plate', { number: tk.plate.staffNumber, name: tk.plate.realName }) : '');
  }
}

async function refresh() {
  if (!id) { $('refresh-line').classList.add('hidden'); draw(); return; }
  try {
    last = await api(hallPath('tickets/') + encodeURIComponent(id));
    problem = '';
    $('updated').textContent = clock();
  } catch (e) {
    problem = e.status === 404 ? 'notFound' : 'retry';
  }
  draw();
}

// ---- text message when called (POST /api/v1/tickets/{id}/notifications) ----
let smsPhone = '';

async function askForText(ev) {
  ev.preventDefault();
  const phone = $('sms-phone').value.replace(/[\s-]/g, '');
  try {
    const r = await api('/api/v1/tickets/' + encodeURIComponent(id) + '/notifications',
      { method: 'POST', body: { phone, language: lang() === 'en' ? 'en' : 'zh' } });
    smsPhone = r.phone;
    $('sms-message').textContent = t('sms.done', { phone: smsPhone });
  } catch (e) {
    $('sms-message').textContent = e.status ? e.message : t('retry');
  }
}

// ---- case look-up and evaluation ----
let found = null; // the citizen view of the case (or bundle)
let foundCode = '';
const scores = { clerk: 0, approver: 0 };
const chosen = { clerk: [], approver: [] }; // reason codes per party
const PARTY = { clerk: 'FRONT', approver: 'BACK' };
const FACE_COLOURS = { 5: '#1b8a3a', 4: '#5aa02c', 3: '#c99400', 2: '#d9622b', 1: '#c62828' };

/** A face drawn as SVG (no emoji font needed on kiosks): the mouth curves up for 5, flat for 3, down for 1. */
function face(n) {
  const c = (n - 3) * 3;
  const b = document.createElement('span');
  b.className = 'face';
  b.innerHTML = '<svg viewBox="0 0 24 24" width="34" height="34" aria-hidden="true"><circle cx="12" cy="12" r="10.5" fill="none" stroke="'
    + FACE_COLOURS[n] + '" stroke-width="2"/><circle cx="8.5" cy="9.5" r="1.4" fill="' + FACE_COLOURS[n] + '"/><circle cx="15.5" cy="9.5" r="1.4" fill="'
    + FACE_COLOURS[n] + '"/><path d="M7 ' + (15.5 - c / 2) + ' Q12 ' + (15.5 + c) + ' 17 ' + (15.5 - c / 2) + '" fill="none" stroke="'
    + FACE_COLOURS[n] + '" stroke-width="2" stroke-linecap="round"/></svg>';
  return b;
}
const CHANNELS = ['WINDOW_PAD', 'WINDOW_SCREEN', 'KIOSK', 'CITIZEN_PAGE', 'NOTIFICATION_LINK'];
let catalogue = null; // GET /api/v1/ratings/reasons
let ratedNow = []; // the case's ratings as they stand

/** The masked mail address of a case (R13), as the node sends it to the citizen's look-up. */
function mailLine(m) {
  return m.province + m.city + m.district + m.street + '（' + m.recipient + ' ' + m.phone + '）';
}

function deliveryText(d, mail) {
  if (!d) return mail ? t('lk.toBeMailed', { line: mailLine(mail) }) : t('lk.notYet');
  const parts = [t('delivery.' + d.method)];
  if (d.pickupCode) parts.push(t('lk.pickup', { code: d.pickupCode }));
  if (d.trackingNumber) parts.push(t('lk.tracking', { no: d.trackingNumber }));
  if (d.method === 'MAIL' && mail) parts.push(t('lk.mailTo', { line: mailLine(mail) }));
  return parts.join(' · ');
}

function drawCase() {
  $('case-card').classList.toggle('hidden', !found);
  if (!found) { $('rating').classList.add('hidden'); return; }
  const c = found;
  $('case-number').textContent = c.number;
  const bundle = Array.isArray(c.parts);
  $('case-matter').textContent = bundle ? t('lk.bundle', { name: c.nameZh }) : c.matter.nameZh;
  let state = bundle ? c.state : t('case.' + c.state);
  if (!bundle && c.decision === 'REJECTED') state = t('lk.decision.REJECTED', { reason: c.decisionReason || '' });
  $('case-state').textContent = state;
  $('case-state').dataset.state = c.state;
  $('case-deadline').textContent = bundle ? '—' : c.deadline;
  const paused = !bundle && clockLine(c) !== ''; // the legal clock: paused by special procedures (R6)
  $('case-clock').replaceChildren(...(paused ? [clockBadge(c)] : []));
  $('case-clock').classList.toggle('hidden', !paused);
  $('case-clock-label').classList.toggle('hidden', !paused);
  const missing = bundle ? [] : c.missingMaterials;
  $('case-missing').textContent = missing.length ? missing.join('、') + ' · ' + t('lk.supplyBy', { day: c.supplyBy }) : t('lk.none');
  $('case-missing').classList.toggle('missing', missing.length > 0);
  $('case-delivery').textContent = bundle ? (c.deliveredAt ? c.state : t('lk.notYet')) : deliveryText(c.delivery, c.mail);
  $('case-parts').classList.toggle('hidden', !bundle);
  if (bundle) {
    $('case-parts').replaceChildren(...c.parts.map((p) => el('div', {}, t('lk.part', { matter: p.matter.nameZh, state: t('case.' + p.state) }))));
  }
  const finished = !bundle && (c.state === 'DELIVERED' || c.state === 'CLOSED');
  $('rating').classList.toggle('hidden', !finished || !$('rated').classList.contains('hidden'));
  drawStars();
}

function reasonsFor(score) {
  const level = catalogue && catalogue.levels.find((l) => l.score === score);
  return level ? level.reasons : [];
}

function drawStars() {
  for (const who of ['clerk', 'approver']) {
    const box = $(who + '-stars');
    if (!box.children.length) {
      for (let n = 5; n >= 1; n--) {
        box.append(el('button', { type: 'button', 'data-score': n, role: 'radio', onclick: () => {
          if (scores[who] !== n) chosen[who] = [];
          scores[who] = n; drawStars();
        } }, face(n), el('span', { class: 'face-name', 'data-score-name': n })));
      }
    }
    [...box.children].forEach((b) => {
      const n = Number(b.dataset.score);
      b.classList.toggle('on', n === scores[who]);
      b.setAttribute('aria-checked', String(n === scores[who]));
      b.setAttribute('aria-label', t('rate.' + n));
      b.title = t('rate.' + n);
      b.querySelector('.face-name').textContent = t('rate.' + n);
    });
    $(who + '-label').textContent = scores[who] ? t('rate.' + scores[who]) : '';
    const en = lang() === 'en';
    $(who + '-reasons').replaceChildren(...(scores[who] ? reasonsFor(scores[who]) : []).map((r) => el('button', {
      type: 'button', 'data-code': r.code, class: chosen[who].includes(r.code) ? 'on' : '', 'aria-pressed': String(chosen[who].includes(r.code)),
      onclick: () => {
        chosen[who] = chosen[who].includes(r.code) ? chosen[who].filter((c) => c !== r.code)
          : chosen[who].length < 5 ? [...chosen[who], r.code] : chosen[who];
        drawStars();
      },
    }, en ? r.en : r.zh)));
  }
  const words = $('rate-comment').value.trim() !== '';
  const lacking = ['clerk', 'approver'].some((w) => scores[w] && scores[w] <= 2 && !chosen[w].length && !words);
  $('rate-need').classList.toggle('hidden', !lacking);
  $('rate').disabled = !(scores.clerk && scores.approver) || lacking;
}

function channel() {
  const c = (params.get('channel') || '').toUpperCase();
  return CHANNELS.includes(c) ? c : 'CITIZEN_PAGE';
}

/** Shows what the citizen gave (after rating or on a later look-up) and until when it may be changed. */
function drawRated(thanks) {
  const until = ratedNow.map((e) => e.changeableUntil).sort()[0];
  $('rated').dataset.i18n = thanks ? 'rate.thanks' : '';
  const front = ratedNow.find((e) => e.party === 'FRONT');
  const back = ratedNow.find((e) => e.party === 'BACK');
  $('rated').textContent = thanks ? t('rate.thanks')
    : t('rate.done', { clerk: front ? t('rate.' + front.score) : '—', approver: back ? t('rate.' + back.score) : '—' });
  $('rated').classList.remove('hidden');
  const open = until && new Date(until) > new Date();
  $('rated-until').textContent = open ? t('rate.until', { until: new Date(until).toLocaleString(lang() === 'en' ? 'en-GB' : 'zh-CN',
    { timeZone: 'Asia/Shanghai', hour12: false }) }) : '';
  $('rated-until').classList.toggle('hidden', !open);
  $('rate-change').classList.toggle('hidden', !open);
  $('rating').classList.add('hidden');
}

async function loadRatings() {
  if (!catalogue) {
    try { catalogue = await api('/api/v1/ratings/reasons'); } catch (e) { catalogue = null; }
  }
  ratedNow = [];
  if (!found || Array.isArray(found.parts) || !(found.state === 'DELIVERED' || found.state === 'CLOSED')) return;
  try {
    ratedNow = (await api('/api/v1/cases/' + encodeURIComponent(found.number) + '/evaluation/status',
      { method: 'POST', body: { checkCode: foundCode } })).evaluations;
  } catch (e) { ratedNow = []; }
  for (const e of ratedNow) {
    const who = e.party === 'FRONT' ? 'clerk' : 'approver';
    scores[who] = e.score;
    chosen[who] = e.reasons;
  }
}

async function lookup(ev) {
  if (ev) ev.preventDefault();
  const number = $('lookup-number').value.trim().toUpperCase();
  const code = $('lookup-code').value.trim();
  if (!number || !/^\d{6}$/.test(code)) { $('lookup-message').textContent = t('lookup.incomplete'); return; }
  try {
    found = await api('/api/v1/cases/lookup', { method: 'POST', body: { number, checkCode: code } });
    foundCode = code;
    $('lookup-message').textContent = '';
    $('rated').classList.add('hidden');
    await loadRatings();
  } catch (e) {
    found = null;
    $('lookup-message').textContent = e.message;
  }
  drawCase();
  if (ratedNow.length) drawRated(false);
}

async function rate() {
  const comment = $('rate-comment').value.trim();
  try {
    const given = [];
    for (const who of ['clerk', 'approver']) {
      given.push(await api('/api/v1/cases/' + encodeURIComponent(found.number) + '/evaluation', {
        method: 'POST',
        body: { checkCode: foundCode, party: PARTY[who], level: scores[who], reasons: chosen[who], comment, channel: channel() },
      }));
    }
    ratedNow = given;
  } catch (e) {
    $('lookup-message').textContent = e.message;
    if (e.code === 'change-period-over') { $('rating').classList.add('hidden'); $('rate-change').classList.add('hidden'); }
    return;
  }
  drawRated(true);
}

$('lookup').addEventListener('submit', lookup);
$('sms').addEventListener('submit', askForText);
$('rate').addEventListener('click', rate);
$('rate-comment').addEventListener('input', drawStars);
$('rate-change').addEventListener('click', () => {
  $('rated').classList.add('hidden'); $('rated-until').classList.add('hidden'); $('rate-change').classList.add('hidden');
  $('rating').classList.remove('hidden');
  drawStars();
});
if (params.get('case')) $('lookup-number').value = params.get('case');

initI18n(withCaseText({ zh: { ...DICT.zh, ...CASE_DICT.zh }, en: { ...DICT.en, ...CASE_DICT.en } }));
onLanguage(() => { draw(); drawCase(); });
zones().then((list) => { zoneList = Object.fromEntries(list.map((z) => [z.id, z])); }).catch(() => {}).finally(refresh);
if (id) setInterval(refresh, 10000);
