// Kiosk: pick a zone, then a matter category (the units of the zone), optionally the green channel,
// take a ticket and see it with its status link; or key in an appointment code on the on-screen
// keypad and check the appointment in. No keyboard is needed. 语音·大字 (or ?assist=on) turns on voice and large text.
// Opened as /ui/kiosk?kiosk=<kiosk id>, its tickets print on that kiosk's own printer; when the receipt does not
// print (GET /api/v1/tickets/{id}/receipt), the ticket screen says so, zh first with English beside.
import { api, clock, el, GREEN_REASONS, HALL, hallLink, hallPath, idempotencyKey, pageHall, zones } from './common.js';
import { initI18n, nameOf, onLanguage, t } from './i18n.js';

const DICT = {
  zh: {
    title: '自助取号', heading: '市民之家 · 自助取号', pickZone: '请选择办理区域', appointment: '已预约？输入预约号取号',
    pickCategory: '请选择办理事项类别', otherCategory: '其他事项 / 不确定', back: '返回', normal: '普通取号',
    green: '绿色通道（请向工作人员出示证明）', enterCode: '请输入 8 位预约号', checkIn: '确认取号', clear: '清除', erase: '退格',
    yourNumber: '您的号码', greenBadge: '绿色通道', appointmentBadge: '预约优先', 'ahead.before': '前面还有', 'ahead.after': '人',
    'wait.before': '预计等候', 'wait.after': '分钟', scan: '扫码或访问下面的地址查看排队进度', done: '完成',
    unavailable: '暂时无法取号，请稍候或咨询工作人员',
    lateNote: '已过预约签到时间，按普通号排队', assist: '语音·大字',
  },
  en: {
    title: 'Ticket kiosk', heading: 'Citizen Center · Tickets', pickZone: 'Choose a service zone', appointment: 'Booked? Enter your appointment code',
    pickCategory: 'Choose the kind of matter', otherCategory: 'Something else / not sure', back: 'Back', normal: 'Take a ticket',
    green: 'Green channel (show your proof to the staff)', enterCode: 'Enter your 8-digit appointment code', checkIn: 'Check in',
    clear: 'Clear', erase: 'Delete', yourNumber: 'Your number', greenBadge: 'Green channel', appointmentBadge: 'Appointment first',
    'ahead.before': 'People ahead:', 'ahead.after': '', 'wait.before': 'Estimated wait:', 'wait.after': 'min',
    scan: 'Scan the code or open the address below to follow your place', done: 'Done',
    unavailable: 'Tickets are not available right now; please wait or ask the staff',
    lateNote: 'You checked in after your booking\'s window: you queue with a normal ticket', assist: 'Voice · large text',
  },
};

const CODE_DIGITS = 8;
const GREEN_ZH = { ELDERLY: '老年人', DISABLED: '残疾人', MILITARY: '军人', PREGNANT: '孕妇' };
const $ = (id) => document.getElementById(id);
const steps = ['step-zone', 'step-category', 'step-kind', 'step-appointment', 'step-ticket'];
let zoneList = [];
let chosen = null; // the zone
let category = null; // {value, unit} or null for none
let code = '';
let shown = null; // the ticket on screen
let idleTimer = null;
let failure = '';
// the kiosk's id (?kiosk=): its tickets print on the printer configured with kiosk = <id>; an id of another shape is ignored
const KIOSK = (() => {
  const k = new URLSearchParams(location.search).get('kiosk') || '';
  return /^[a-z0-9][a-z0-9-]{0,62}$/.test(k) ? k : '';
})();
const RECEIPT_POLLS = 6; // about six seconds after issuing
let receiptWatch = 0; // the ticket screen whose receipt is watched

function show(step) {
  steps.forEach((s) => $(s).classList.toggle('hidden', s !== step));
  say('');
  touch(step);
  if (assist) speakZh(stepSpeech(step));
}

function touch(step) {
  clearTimeout(idleTimer);
  const current = step || steps.find((s) => !$(s).classList.contains('hidden'));
  if (current !== 'step-zone') idleTimer = setTimeout(() => { setAssist(false); show('step-zone'); }, 60000); // left alone: start again
}

// ---- voice and large text (语音·大字) for citizens who see badly ------------------------------
// Everything larger; each step and the ticket read out in Mandarin (zh-CN, as the caller screen speaks, whatever the
// page's language) and captioned at the foot. A button touched once is read out; touched again within 5 s it acts.

let assist = new URLSearchParams(location.search).get('assist') === 'on';
let armed = null; // {button, at}: the button read out last

function speakZh(text) {
  $('spoken').textContent = text;
  $('spoken').classList.toggle('hidden', !assist || !text);
  if (!assist || !text || !('speechSynthesis' in window)) return;
  speechSynthesis.cancel();
  // letters and digits one by one: "G012" is read "G 0 1 2"
  const u = new SpeechSynthesisUtterance(text.replace(/([A-Z])(\d+)/g, (m, l, d) => l + ' ' + d.split('').join(' ')));
  u.lang = 'zh-CN';
  u.rate = 0.85;
  const voice = speechSynthesis.getVoices().find((v) => v.lang && v.lang.replace('_', '-').startsWith('zh-CN'));
  if (voice) u.voice = voice;
  speechSynthesis.speak(u);
}

function setAssist(on) {
  assist = on;
  armed = null;
  document.body.classList.toggle('assist', on);
  $('assist').setAttribute('aria-pressed', String(on));
  if (on) {
    speakZh('已开启语音和大字。' + stepSpeech(steps.find((s) => !$(s).classList.contains('hidden'))));
  } else {
    $('spoken').classList.add('hidden');
    if ('speechSynthesis' in window) speechSynthesis.cancel();
  }
}

/** What a step says when it opens, in Chinese. */
function stepSpeech(step) {
  switch (step) {
    case 'step-zone':
      return DICT.zh.pickZone + '：' + zoneList.map((z) => z.letter + '，' + z.nameZh).join('；') + '。按一次听名称，再按一次选择。';
    case 'step-category':
      return DICT.zh.pickCategory + '：' + categoriesOf(chosen).map((c) => c.unit.nameZh).join('；') + '。';
    case 'step-kind':
      return (chosen ? chosen.nameZh + '。' : '') + '请按“' + DICT.zh.normal + '”，或选择绿色通道。';
    case 'step-appointment':
      return DICT.zh.enterCode + '。';
    case 'step-ticket':
      return shown ? '您的号码是 ' + shown.number + '。前面还有 ' + (shown.position ? shown.position - 1 : 0) + ' 人'
        + (shown.estimatedWaitMinutes != null ? '，预计等候 ' + shown.estimatedWaitMinutes + ' 分钟' : '') + '。请留意叫号屏和语音叫号。' : '';
    default:
      return '';
  }
}

/** A button's words in Chinese: its data-say, or the Chinese of its label. */
function sayOf(button) {
  if (button.dataset.say) return button.dataset.say;
  const key = button.dataset.i18n;
  return (key && DICT.zh[key]) || button.textContent;
}

// in assist mode the first touch of a button reads it out and stops there; the second touch acts
document.addEventListener('click', (ev) => {
  const button = ev.target.closest && ev.target.closest('button');
  if (!assist || !button || button.id === 'assist' || button.id === 'lang-toggle' || button.disabled) return;
  if (armed && armed.button === button && Date.now() - armed.at < 5000) {
    button.classList.remove('spoken-once');
    armed = null;
    return; // the second touch: let it act
  }
  ev.stopPropagation();
  ev.preventDefault();
  if (armed) armed.button.classList.remove('spoken-once');
  armed = { button, at: Date.now() };
  button.classList.add('spoken-once');
  speakZh(sayOf(button) + '。再按一次确认。');
  touch();
}, true);

function say(text) {
  $('message').textContent = text;
}

/** The matter categories of a zone: the units placed in it, by catalogue id (or name when it has none). */
function categoriesOf(zone) {
  return (zone.units || []).map((u) => ({ value: (u.id || u.nameZh).slice(0, 64), unit: u }));
}

async function loadZones() {
  try {
    zoneList = (await zones()).filter((z) => !z.universal);
    failure = '';
    drawZones();
  } catch (e) {
    failure = 'unavailable';
    say(t(failure));
    setTimeout(loadZones, 5000);
  }
}

function drawZones() {
  $('zones').replaceChildren(...zoneList.map((z) => el('button', { type: 'button', class: 'zone', 'data-zone': z.id, 'data-say': z.letter + '，' + z.nameZh,
    onclick: () => pick(z) },
    el('span', { class: 'letter' }, z.letter), el('span', {}, nameOf(z)))));
}

function pick(zone) {
  chosen = zone;
  const categories = categoriesOf(zone);
  if (categories.length <= 1) {
    pickCategory(categories[0] || null); // one unit: nothing to choose
    return;
  }
  drawCategories();
  show('step-category');
}

function drawCategories() {
  if (!chosen) return;
  $('category-zone').textContent = nameOf(chosen);
  $('categories').replaceChildren(
    ...categoriesOf(chosen).map((c) => el('button', { type: 'button', class: 'zone category', 'data-category': c.value,
      'data-say': c.unit.nameZh, onclick: () => pickCategory(c) }, nameOf(c.unit))),
    el('button', { type: 'button', class: 'zone category other', 'data-category': '', onclick: () => pickCategory(null) }, t('otherCategory')));
}

function pickCategory(c) {
  category = c;
  drawKind();
  show('step-kind');
}

function drawKind() {
  if (!chosen) return;
  $('kind-zone').textContent = nameOf(chosen);
  $('kind-category').textContent = category ? nameOf(category.unit) : '';
}

async function post(path, body) {
  const key = idempotencyKey();
  try {
    return await api(path, { method: 'POST', body, headers: { 'Idempotency-Key': key } });
  } catch (e) {
    if (e.status) throw e;
    return api(path, { method: 'POST', body, headers: { 'Idempotency-Key': key } }); // one retry, same key
  }
}

async function take(priority, greenReason) {
  const buttons = document.querySelectorAll('#step-kind button');
  buttons.forEach((b) => { b.disabled = true; });
  const body = { zone: chosen.id };
  if (KIOSK) body.kiosk = KIOSK;
  if (category) body.category = category.value;
  if (priority === 'GREEN') { body.priority = 'GREEN'; body.greenReason = greenReason; }
  try {
    showTicket(await post(hallPath('tickets'), body));
  } catch (e) {
    say(e.status ? e.message : t('network'));
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}

// ---- appointment check-in --------------------------------------------------------------

function drawCode() {
  const boxes = [];
  for (let i = 0; i < CODE_DIGITS; i++) boxes.push(el('span', {}, code[i] || ''));
  $('code').replaceChildren(...boxes);
  $('code').dataset.code = code;
  $('check-in').disabled = code.length !== CODE_DIGITS;
}

function drawKeypad() {
  const key = (label, cls, onclick, attrs = {}) => el('button', { type: 'button', class: cls, onclick: () => { onclick(); touch(); }, ...attrs }, label);
  const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => key(d, 'digit', () => typeDigit(d), { 'data-key': d }));
  $('keypad').replaceChildren(...digits,
    key(t('clear'), 'fn', () => { code = ''; say(''); drawCode(); }, { 'data-key': 'clear' }),
    key('0', 'digit', () => typeDigit('0'), { 'data-key': '0' }),
    key(t('erase'), 'fn', () => { code = code.slice(0, -1); drawCode(); }, { 'data-key': 'erase' }));
}

function typeDigit(d) {
  if (code.length < CODE_DIGITS) code += d;
  say('');
  drawCode();
}

async function checkIn() {
  $('check-in').disabled = true;
  try {
    const answer = await post('/api/v1/appointments/' + encodeURIComponent(code) + '/check-in');
    chosen = zoneList.find((z) => z.id === answer.ticket.zoneId) || { id: answer.ticket.zoneId, nameZh: answer.ticket.zoneId };
    category = null;
    code = '';
    showTicket(answer.ticket, answer.late === true);
  } catch (e) {
    say(e.status ? e.message : t('network'));
    $('check-in').disabled = code.length !== CODE_DIGITS;
  }
}

// ---- the ticket ------------------------------------------------------------------------

function drawTicket() {
  const tk = shown;
  if (!tk) return;
  $('t-zone').textContent = nameOf(chosen);
  $('t-category').textContent = category ? nameOf(category.unit) : '';
  $('t-number').textContent = tk.number;
  $('t-green').classList.toggle('hidden', tk.priority !== 'GREEN');
  $('t-appointment').classList.toggle('hidden', tk.priority !== 'APPOINTMENT');
  $('t-ahead').textContent = tk.position ? String(tk.position - 1) : '0';
  $('t-wait').textContent = tk.estimatedWaitMinutes ?? '—';
}

// the receipt: PRINTED ends the watch; OFFLINE or NO_PRINTER, or still PENDING after the polls, shows the notice
function receiptNotice(on) {
  $('t-receipt').classList.toggle('hidden', !on);
  document.querySelector('.ticket').classList.toggle('no-receipt', on);
  if (on && assist) speakZh(stepSpeech('step-ticket') + '小票未能打印，请记住您的号码。');
}

async function watchReceipt(tk) {
  const watch = ++receiptWatch;
  for (let i = 0; i < RECEIPT_POLLS; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (watch !== receiptWatch) return; // another ticket, or the citizen is done
    let state = 'PENDING';
    try {
      state = (await api(hallPath('tickets/' + encodeURIComponent(tk.id) + '/receipt'))).state;
    } catch (e) {
      state = 'PENDING'; // the node did not answer: keep asking, then say it
    }
    if (watch !== receiptWatch) return;
    if (state === 'PRINTED') return;
    if (state === 'OFFLINE' || state === 'NO_PRINTER') { receiptNotice(true); return; }
  }
  if (watch === receiptWatch) receiptNotice(true);
}

function showTicket(tk, late = false) {
  shown = tk;
  receiptNotice(false);
  watchReceipt(tk);
  $('t-late').classList.toggle('hidden', !late);
  drawTicket();
  const link = location.origin + hallLink('/ui/ticket?id=' + encodeURIComponent(tk.id));
  $('t-link').textContent = link;
  $('t-qr').replaceChildren();
  if (window.QRCode) {
    new window.QRCode($('t-qr'), { text: link, width: 240, height: 240, correctLevel: window.QRCode.CorrectLevel.M });
  }
  show('step-ticket');
}

function drawGreen() {
  $('green').replaceChildren(...GREEN_REASONS.map((reason) =>
    el('button', { type: 'button', class: 'zone green', 'data-reason': reason, 'data-say': '绿色通道，' + (GREEN_ZH[reason] || reason),
      onclick: () => take('GREEN', reason) }, t('green.' + reason))));
}

$('normal').addEventListener('click', () => take('NORMAL'));
$('back').addEventListener('click', () => (chosen && categoriesOf(chosen).length > 1 ? show('step-category') : show('step-zone')));
$('category-back').addEventListener('click', () => show('step-zone'));
$('appointment').addEventListener('click', () => { code = ''; drawCode(); show('step-appointment'); });
$('appointment-back').addEventListener('click', () => show('step-zone'));
$('check-in').addEventListener('click', checkIn);
$('assist').addEventListener('click', () => setAssist(!assist));
$('done').addEventListener('click', () => { shown = null; receiptWatch++; receiptNotice(false); show('step-zone'); loadZones(); }); // zones may have closed or opened meanwhile

initI18n(DICT);
onLanguage(() => {
  drawZones();
  drawCategories();
  drawKind();
  drawGreen();
  drawKeypad();
  drawTicket();
  if (failure) say(t(failure));
});
drawCode();
setInterval(() => { $('clock').textContent = clock(); }, 1000);
$('clock').textContent = clock();
// bookings are the default hall's: another hall's kiosk does not offer their check-in
if (HALL && HALL !== 'zhumadian') $('appointment').classList.add('hidden');
pageHall().then(loadZones, () => {}).then(() => { if (assist) setAssist(true); });
