// Citizen bookings (issue 18): book a slot of a zone with a mobile number (and optionally an ID
// number), get an 8-digit code; with the code and the same number look the booking up, cancel it
// or move it to another slot. The kiosk checks it in within its window around the slot.
import { api, el, idempotencyKey, zones } from './common.js';
import { initI18n, nameOf, onLanguage, t } from './i18n.js';

const DICT = {
  zh: {
    title: '预约办事', 'book.title': '预约', 'book.zone': '办理区域', 'book.day': '日期', 'book.slot': '时段', 'book.phone': '手机号',
    'book.phoneHint': '11 位手机号码', 'book.id': '身份证号（可不填）', 'book.submit': '预约', 'book.code': '您的预约码',
    'book.noSlot': '这一天没有可约的时段', 'slot.full': '{time}（已约满）', 'slot.free': '{time}（余 {n}）',
    when: '{day} {slot} · {zone}', window: '请于 {from} 至 {to} 到大厅自助机凭预约码签到；晚于 {to} 按普通号排队',
    'manage.title': '查询、取消或改约', 'manage.code': '预约码', 'manage.codeHint': '8 位数字', 'manage.find': '查询',
    'manage.cancel': '取消预约', 'manage.newDay': '改约到', 'manage.move': '改约', cancelled: '预约已取消', moved: '已改约',
    'state.OPEN': '待签到', 'state.CHECKED_IN': '已签到', 'state.CHECKED_IN_LATE': '已签到（普通号）', 'state.CANCELLED': '已取消',
    'state.MISSED': '已过签到时间（当天仍可签到，按普通号）', 'state.NO_SHOW': '未到',
    'problem.invalid-phone': '请填写 11 位手机号码', 'problem.missing-phone': '请填写预约时的手机号',
    'problem.invalid-id-number': '请填写 18 位身份证号码，或不填',
  },
  en: {
    title: 'Book an appointment', 'book.title': 'Book', 'book.zone': 'Service zone', 'book.day': 'Day', 'book.slot': 'Time slot',
    'book.phone': 'Mobile number', 'book.phoneHint': '11-digit mobile number', 'book.id': 'ID number (optional)', 'book.submit': 'Book',
    'book.code': 'Your booking code', 'book.noSlot': 'No slots can be booked that day', 'slot.full': '{time} (full)', 'slot.free': '{time} ({n} left)',
    when: '{day} {slot} · {zone}', window: 'Check in at the hall kiosk with the code between {from} and {to}; after {to} you queue with a normal ticket',
    'manage.title': 'Look up, cancel or reschedule', 'manage.code': 'Booking code', 'manage.codeHint': '8 digits', 'manage.find': 'Look up',
    'manage.cancel': 'Cancel the booking', 'manage.newDay': 'Move to', 'manage.move': 'Reschedule', cancelled: 'The booking is cancelled',
    moved: 'Rescheduled', 'state.OPEN': 'Booked, not checked in yet', 'state.CHECKED_IN': 'Checked in', 'state.CHECKED_IN_LATE': 'Checked in (normal ticket)',
    'state.CANCELLED': 'Cancelled', 'state.MISSED': 'Check-in window passed (today you may still check in, with a normal ticket)', 'state.NO_SHOW': 'Missed',
    'problem.invalid-phone': 'Enter an 11-digit mobile number', 'problem.missing-phone': 'Enter the phone number you booked with',
    'problem.invalid-id-number': 'Enter an 18-character ID number, or leave it empty',
  },
};

const $ = (id) => document.getElementById(id);
let zoneList = [];
let booking = null; // the booking looked up
let lastKey = '';

function say(text) {
  $('message').textContent = text;
}

function hhmm(iso) {
  const d = new Date(iso);
  return d.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Shanghai' });
}

function today() {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }); // yyyy-mm-dd
}

function zoneName(id) {
  return nameOf(zoneList.find((z) => z.id === id)) || id;
}

async function loadSlots(zone, day, select) {
  select.replaceChildren();
  if (!zone || !day) return;
  try {
    const answer = await api('/api/v1/appointments/slots?zone=' + encodeURIComponent(zone) + '&day=' + encodeURIComponent(day));
    const open = answer.slots.filter((s) => !s.passed); // by the hall's clock
    select.replaceChildren(...open.map((s) => el('option', { value: s.start, disabled: !s.free },
      t(s.free ? 'slot.free' : 'slot.full', { time: s.start, n: s.capacity - s.booked }))));
    if (!open.some((s) => s.free)) say(t('book.noSlot'));
    else say('');
  } catch (e) {
    say(e.status ? e.message : t('network'));
  }
}

function showBooked(b) {
  $('b-code').textContent = b.code;
  $('b-when').textContent = t('when', { day: b.day, slot: b.slot, zone: zoneName(b.zoneId) });
  $('b-window').textContent = t('window', { from: hhmm(b.checkInFrom), to: hhmm(b.checkInTo) });
  $('b-done').classList.remove('hidden');
}

function showManaged(b) {
  booking = b;
  $('m-when').textContent = t('when', { day: b.day, slot: b.slot, zone: zoneName(b.zoneId) });
  $('m-state').textContent = t('state.' + b.state);
  $('m-state').dataset.state = b.state;
  $('m-window').textContent = b.state === 'OPEN' ? t('window', { from: hhmm(b.checkInFrom), to: hhmm(b.checkInTo) }) : '';
  const open = b.state === 'OPEN';
  ['m-cancel', 'm-day', 'm-slot', 'm-move'].forEach((id) => { $(id).disabled = !open; });
  $('m-card').classList.remove('hidden');
}

async function book(ev) {
  ev.preventDefault();
  $('b-submit').disabled = true;
  const body = { zone: $('b-zone').value, day: $('b-day').value, slot: $('b-slot').value, phone: $('b-phone').value.trim(),
    language: document.documentElement.lang === 'en' ? 'en' : 'zh' };
  if ($('b-id').value.trim()) body.idNumber = $('b-id').value.trim();
  if (!lastKey) lastKey = idempotencyKey();
  try {
    const b = await api('/api/v1/bookings', { method: 'POST', body, headers: { 'Idempotency-Key': lastKey } });
    lastKey = '';
    say('');
    showBooked(b);
    $('m-code').value = b.code;
    $('m-phone').value = body.phone;
    loadSlots(body.zone, body.day, $('b-slot'));
  } catch (e) {
    if (e.status) lastKey = ''; // refused: the next try is a new request
    say(e.status ? e.message : t('network'));
  } finally {
    $('b-submit').disabled = false;
  }
}

function credentials() {
  return { code: $('m-code').value.trim(), phone: $('m-phone').value.trim() };
}

async function find(ev) {
  ev.preventDefault();
  const c = credentials();
  try {
    showManaged(await api('/api/v1/bookings/' + encodeURIComponent(c.code) + '?phone=' + encodeURIComponent(c.phone)));
    $('m-day').value = booking.day;
    loadSlots(booking.zoneId, booking.day, $('m-slot'));
    say('');
  } catch (e) {
    $('m-card').classList.add('hidden');
    say(e.status ? e.message : t('network'));
  }
}

async function cancel() {
  const c = credentials();
  try {
    showManaged(await api('/api/v1/bookings/' + encodeURIComponent(c.code) + '/cancel', { method: 'POST', body: { phone: c.phone } }));
    say(t('cancelled'));
  } catch (e) {
    say(e.status ? e.message : t('network'));
  }
}

async function move() {
  const c = credentials();
  try {
    showManaged(await api('/api/v1/bookings/' + encodeURIComponent(c.code) + '/reschedule',
      { method: 'POST', body: { phone: c.phone, day: $('m-day').value, slot: $('m-slot').value } }));
    say(t('moved'));
  } catch (e) {
    say(e.status ? e.message : t('network'));
  }
}

async function start() {
  initI18n(DICT);
  try {
    zoneList = (await zones()).filter((z) => !z.universal);
  } catch (e) {
    say(t('network'));
  }
  const drawZones = () => {
    const current = $('b-zone').value;
    $('b-zone').replaceChildren(...zoneList.map((z) => el('option', { value: z.id }, nameOf(z))));
    if (current) $('b-zone').value = current;
  };
  onLanguage(() => {
    drawZones();
    if (booking) showManaged(booking);
  });
  $('b-day').value = today();
  $('b-day').min = today();
  $('m-day').min = today();
  const refresh = () => loadSlots($('b-zone').value, $('b-day').value, $('b-slot'));
  $('b-zone').addEventListener('change', refresh);
  $('b-day').addEventListener('change', refresh);
  $('m-day').addEventListener('change', () => booking && loadSlots(booking.zoneId, $('m-day').value, $('m-slot')));
  $('book').addEventListener('submit', book);
  $('manage').addEventListener('submit', find);
  $('m-cancel').addEventListener('click', cancel);
  $('m-move').addEventListener('click', move);
  document.body.dataset.ready = 'true';
  refresh();
}

start();
