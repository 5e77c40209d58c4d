// Kiosk: pick a zone, then a matter category (the units of the zone), optionally the green channel,
// take a ticket and see it with its status link; or key in an appointment code on the on-screen
// keypad and check the appointment in. No keyboard is needed.
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
    lateNote: '已过预约签到时间，按普通号排队',
  },
  en: {
    title: 'Ticket kiosk', heading: 'Citizen Center · Tickets', pickZone: 'Choose a service zone', appointment: 'Booked? Enter your appointment code',
    pickCategory: 'Choose the kind of matter', otherCategory: 'Something else / not sure', back: 'Back', normal: 'Take a ticket',
    green: 'Green channel (show your proof to the staff)', enterCode: 'Enter your 8-digit appointment code', checkIn: 'Check in',
    clear: 'Clear', erase: 'Delete', yourNumber: 'Your number', greenBadge: 'Green channel', appointmentBadge: 'Appointment first',
    'ahead.before': 'People ahead:', 'ahead.after': '', 'wait.before': 'Estimated wait:', 'wait.after': 'min',
    scan: 'Scan the code or open the address below to follow your place', done: 'Done',
    unavailable: 'Tickets are not available right now; please wait or ask the staff',
    lateNote: 'You checked in after your booking\'s window: you queue with a normal ticket',
  },
};

const CODE_DIGITS = 8;
const $ = (id) => document.getElementById(id);
const steps = ['step-zone', 'step-category', 'step-kind', 'step-appointment', 'step-ticket'];
let zoneList = [];
let chosen = null; // the zone
let category = null; // {value, unit} or null for none
let code = '';
let shown = null; // the ticket on screen
let idleTimer = null;
let failure = '';

function show(step) {
  steps.forEach((s) => $(s).classList.toggle('hidden', s !== step));
  say('');
  touch(step);
}

function touch(step) {
  clearTimeout(idleTimer);
  const current = step || steps.find((s) => !$(s).classList.contains('hidden'));
  if (current !== 'step-zone') idleTimer = setTimeout(() => show('step-zone'), 60000); // back to the start when left alone
}

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
  $('zones').replaceChildren(...zoneList.map((z) => el('button', { type: 'button', class: 'zone', 'data-zone': z.id, onclick: () => pick(z) },
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
      onclick: () => pickCategory(c) }, nameOf(c.unit))),
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

function showTicket(tk, late = false) {
  shown = tk;
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
    el('button', { type: 'button', class: 'zone green', 'data-reason': reason, onclick: () => take('GREEN', reason) }, t('green.' + reason))));
}

$('normal').addEventListener('click', () => take('NORMAL'));
$('back').addEventListener('click', () => (chosen && categoriesOf(chosen).length > 1 ? show('step-category') : show('step-zone')));
$('category-back').addEventListener('click', () => show('step-zone'));
$('appointment').addEventListener('click', () => { code = ''; drawCode(); show('step-appointment'); });
$('appointment-back').addEventListener('click', () => show('step-zone'));
$('check-in').addEventListener('click', checkIn);
$('done').addEventListener('click', () => { shown = null; show('step-zone'); loadZones(); }); // zones may have closed or opened meanwhile

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
pageHall().then(loadZones, () => {});
