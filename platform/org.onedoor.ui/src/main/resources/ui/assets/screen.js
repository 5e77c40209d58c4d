// Caller screen: current calls by window, the last calls, waiting counts; calls announced by voice
// in Mandarin whatever the page's language.
import { api, clock, el, followQueue, pageHall, zones } from './common.js';
import { initI18n, lang, nameOf, onLanguage, t } from './i18n.js';

const DICT = {
  zh: {
    title: '叫号屏', hallTitle: '市民之家 · 叫号', zoneTitle: '{zone} · 叫号', 'head.number': '号码', 'head.window': '窗口',
    'head.state': '状态', waiting: '等候人数', recent: '最近叫号', voice: '点击开启语音播报', windowN: '{n}号窗口',
    serving: '办理中', goTo: '请前往', call: '请{ticket}号到{window}号窗口办理',
  },
  en: {
    title: 'Caller screen', hallTitle: 'Citizen Center · Calls', zoneTitle: '{zone} · Calls', 'head.number': 'Ticket',
    'head.window': 'Window', 'head.state': 'State', waiting: 'Waiting', recent: 'Last calls', voice: 'Touch to turn on voice announcements',
    windowN: 'Window {n}', serving: 'Serving', goTo: 'Please go', call: 'Ticket {ticket}, please go to window {window}',
  },
};

const $ = (id) => document.getElementById(id);
const zone = new URLSearchParams(location.search).get('zone') || '';
const MAX_CALLS = 8;
const MAX_RECENT = zone ? 10 : 6; // the hall screen lists every zone's count above the last calls
let zoneList = [];
let windows = new Map(); // window number -> {number, status, calledAt}
let plates = new Map(); // window number -> name plate {staffNumber, realName} of the staff signed in (never a login name)
let recent = []; // [{number, window}], newest first
let waitingByZone = {};
let fresh = null;
let voiceOn = false;
let flashTimer = null;
const tr = t; // 't' names tickets below

function name(zoneId) {
  const z = zoneList.find((x) => x.id === zoneId);
  return z ? nameOf(z) : zoneId;
}

function renderCalls() {
  const rows = [...windows.entries()]
    .sort((a, b) => (b[1].calledAt || '').localeCompare(a[1].calledAt || ''))
    .slice(0, MAX_CALLS)
    .map(([w, t]) => el('div', { class: 'call' + (fresh === t.number ? ' fresh' : ''), 'data-window': w, 'data-ticket': t.number },
      el('span', { class: 'no' }, t.number), el('span', { class: 'win' }, tr('windowN', { n: w }), plateOf(w)),
      el('span', { class: 'state' }, tr(t.status === 'SERVING' ? 'serving' : 'goTo'))));
  $('calls').replaceChildren(...rows);
}

// the name plate of the staff at the window: staff number and name, as the hall registered them
function plateOf(w) {
  const p = plates.get(w);
  return p ? el('span', { class: 'plate', 'data-staff': p.staffNumber }, p.staffNumber + ' ' + p.realName) : null;
}

function renderRecent() {
  $('recent').replaceChildren(...recent.map((c) => el('li', {}, el('span', {}, c.number), el('span', {}, tr('windowN', { n: c.window })))));
}

function renderWaiting() {
  const ids = zone ? [zone] : zoneList.filter((z) => !z.universal).map((z) => z.id);
  $('waiting').replaceChildren(...ids.map((id) => el('div', { class: 'wait-row', 'data-zone': id },
    el('span', {}, name(id)), el('b', {}, String(waitingByZone[id] || 0)))));
}

function applySnapshot(snap) {
  windows = new Map();
  plates = new Map();
  for (const w of snap.windows) {
    if (w.plate) plates.set(w.window, w.plate);
    const t = w.current;
    if (t && (t.status === 'CALLED' || t.status === 'SERVING')) {
      windows.set(w.window, { number: t.number, status: t.status, calledAt: t.calledAt });
    }
  }
  if (recent.length === 0) {
    recent = [...windows.entries()].sort((a, b) => (b[1].calledAt || '').localeCompare(a[1].calledAt || ''))
      .slice(0, MAX_RECENT).map(([w, t]) => ({ number: t.number, window: w }));
  }
  waitingByZone = {};
  for (const t of snap.waiting) waitingByZone[t.zoneId] = (waitingByZone[t.zoneId] || 0) + 1;
  renderCalls();
  renderRecent();
  renderWaiting();
}

// covered: a call the snapshot just read already shows; it is announced all the same, its state left as the snapshot has it
function announce(e, covered = false) {
  fresh = e.ticket;
  if (!covered) windows.set(e.window, { number: e.ticket, status: 'CALLED', calledAt: e.at });
  recent = [{ number: e.ticket, window: e.window }, ...recent.filter((c) => !(c.number === e.ticket && c.window === e.window))]
    .slice(0, MAX_RECENT);
  renderCalls();
  renderRecent();
  const text = e.announceZh || ('请' + e.ticket + '号到' + e.window + '号窗口办理'); // spoken in Mandarin
  $('flash').textContent = lastFlash(e);
  $('flash').classList.remove('hidden');
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => $('flash').classList.add('hidden'), 5000);
  speak(text);
}

let flashed = null;
function lastFlash(e) {
  if (e) flashed = e;
  if (!flashed) return '';
  return flashed.announceZh && lang() !== 'en' ? flashed.announceZh
    : tr('call', { ticket: flashed.ticket, window: flashed.window });
}

function speak(text) {
  if (!voiceOn || !('speechSynthesis' in window)) return;
  // letters read one by one: "G012" -> "G 0 1 2" sounds like a ticket, not a word
  const spoken = text.replace(/([A-Z])(\d+)/g, (m, l, d) => l + ' ' + d.split('').join(' '));
  for (let i = 0; i < 2; i++) {
    const u = new SpeechSynthesisUtterance(spoken);
    u.lang = 'zh-CN';
    u.rate = 0.9;
    const voice = speechSynthesis.getVoices().find((v) => v.lang && v.lang.replace('_', '-').startsWith('zh-CN'));
    if (voice) u.voice = voice;
    speechSynthesis.speak(u);
  }
}

let stream = null;
function onEvent(e) {
  if (e.type === 'CALLED' || e.type === 'RECALLED') {
    announce(e);
  }
  // everything else (and the waiting counts after a call) is taken from a fresh snapshot
  clearTimeout(onEvent.timer);
  onEvent.timer = setTimeout(() => stream && stream.resync(), 300);
}

function drawTitle() {
  $('title').textContent = zone ? tr('zoneTitle', { zone: name(zone) })
    : hallName ? tr('zoneTitle', { zone: nameOf(hallName) }) : tr('hallTitle');
}

let hallName = null; // the page's hall, when it is not the default one

/**
 * A screen configured as a device (?device=) stands in the hall its configuration names: opened without ?hall= for a
 * device of another hall, the page reopens itself with that hall (the stream would refuse the default hall's events).
 */
async function deviceHall() {
  const device = new URLSearchParams(location.search).get('device');
  if (!device || new URLSearchParams(location.search).has('hall')) return false;
  try {
    const list = await api('/api/v1/devices');
    const mine = (list.devices || []).find((d) => d.id === device);
    if (mine && mine.hall && mine.hall !== 'zhumadian') {
      location.replace(location.pathname + location.search + '&hall=' + encodeURIComponent(mine.hall));
      return true;
    }
  } catch (e) {
    // the device list unreachable: the page follows the default hall as before
  }
  return false;
}

async function start() {
  if (await deviceHall()) return;
  try {
    const hall = await pageHall();
    if (hall && !hall.default) hallName = hall;
  } catch (e) {
    return; // an unknown hall: the page says so
  }
  try {
    zoneList = await zones();
  } catch (e) {
    zoneList = [];
  }
  drawTitle();
  document.body.classList.toggle('hall', !zone);
  stream = followQueue({
    zone,
    device: new URLSearchParams(location.search).get('device') || '',
    onConnected: (up) => $('offline').classList.toggle('hidden', up),
    onSnapshot: applySnapshot,
    onEvent,
    onCovered: (e) => { if (e.type === 'CALLED' || e.type === 'RECALLED') announce(e, true); },
  });
}

$('voice').addEventListener('click', () => {
  voiceOn = true;
  $('voice').classList.add('hidden');
  speak('语音播报已开启');
});
if (new URLSearchParams(location.search).get('voice') === 'on') { voiceOn = true; $('voice').classList.add('hidden'); }
initI18n(DICT);
onLanguage(() => {
  drawTitle();
  renderCalls();
  renderRecent();
  renderWaiting();
  if (flashed) $('flash').textContent = lastFlash();
});
setInterval(() => { $('clock').textContent = clock(); }, 1000);
$('clock').textContent = clock();
start();
