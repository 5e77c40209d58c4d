// The window's rating pad (评价器, "一次一评"): /ui/pad?window=97. Idle, it shows the window's name plate;
// every 2 s it asks for the window's rating prompt (left by the clerk's 「请评价」) and then shows the five
// faces for each party to rate, the reasons for a bad face, a thank-you, and idles again. The pad is a
// device: its calls carry the device token of a kiosk user bound to this window (etc/org.onedoor.ratingpads.cfg),
// given once as /ui/pad?window=97#token=… or typed in on the setup screen, and kept in this browser.
import { api, clock, el, hallPath, pageHall } from './common.js';
import { initI18n, lang, onLanguage, t } from './i18n.js';

const DICT = {
  zh: {
    title: '窗口评价器', heading: '市民之家 · 服务评价', windowN: '{n}号窗口', idleHint: '办理完毕后，请对本次服务进行评价',
    noPlate: '窗口暂无工作人员', rateParty: '请为{party}评价', pickReason: '请选择不满意的原因（可多选），或填写意见',
    commentHint: '您的意见（选填，“其他”必填）', send: '提交评价', thanks: '感谢您的评价！', thanksHint: '您的评价将帮助我们改进服务',
    setup: '本评价器尚未授权', setupHint: '请技术人员输入本窗口评价器的设备令牌（管理员签发，见 docs/evaluation.md）',
    tokenHint: '设备令牌', saveToken: '保存', noWindow: '地址中缺少窗口号：/ui/pad?window=97', caseNo: '办件编号 {no}',
    'problem.not-this-windows-pad': '此设备不是本窗口的评价器', 'problem.party-rated': '已评价过', 'problem.no-rating-prompt': '评价已超时，请重新请工作人员发起',
    'problem.reason-required': '请选择原因或填写意见', 'problem.missing-comment': '选择“其他”时请填写意见',
  },
  en: {
    title: 'Rating pad', heading: 'Citizen Center · Rate our service', windowN: 'Window {n}', idleHint: 'When you are done, please rate our service',
    noPlate: 'Nobody at this window', rateParty: 'Please rate the {party}', pickReason: 'Please choose what went wrong (any), or write a comment',
    commentHint: 'Your comment (optional; needed for "Other")', send: 'Send rating', thanks: 'Thank you for your rating!',
    thanksHint: 'Your rating helps us serve you better', setup: 'This rating pad is not authorized',
    setupHint: 'Technician: enter this window pad\'s device token (issued by an admin, see docs/evaluation.md)', tokenHint: 'Device token',
    saveToken: 'Save', noWindow: 'The address lacks the window: /ui/pad?window=97', caseNo: 'Case {no}',
    'problem.not-this-windows-pad': 'This device is not this window\'s rating pad', 'problem.party-rated': 'Already rated',
    'problem.no-rating-prompt': 'The rating timed out; please ask the clerk again', 'problem.reason-required': 'Choose a reason or write a comment',
    'problem.missing-comment': 'Please describe "Other"',
  },
};

const $ = (id) => document.getElementById(id);
const WINDOW = Number.parseInt(new URLSearchParams(location.search).get('window') || '', 10);
const TOKEN_KEY = 'onedoor.pad.token.' + WINDOW;
const FACE_COLOURS = { 5: '#1b8a3a', 4: '#5aa02c', 3: '#c99400', 2: '#d9622b', 1: '#c62828' };
const POLL_MS = 2000;
const THANKS_MS = 5000;

let token = '';
let prompt = null; // the prompt being rated: GET …/rating-prompt
let party = null; // the party on screen: {party, zh, en, plate}
let level = null; // the bad level chosen, waiting for reasons
let chosen = [];
let thanksUntil = 0;
let plate = null; // the window's name plate when idle
let staffed = false; // someone is signed in at the window (a plate shows only for staff the registry knows)

function readToken() {
  const m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (m) {
    token = decodeURIComponent(m[1]);
    try { localStorage.setItem(TOKEN_KEY, token); } catch (e) { /* kept while the page is open */ }
    history.replaceState(null, '', location.pathname + location.search);
    return;
  }
  try { token = localStorage.getItem(TOKEN_KEY) || ''; } catch (e) { token = ''; }
}

function padApi(path, options = {}) {
  return api(hallPath('windows/' + WINDOW + '/' + path), { ...options, headers: { Authorization: 'Bearer ' + token } });
}

function show(id) {
  ['idle', 'rate', 'thanks', 'setup'].forEach((s) => $(s).classList.toggle('hidden', s !== id));
  document.body.dataset.screen = id;
}

/** A face drawn as SVG (no emoji font needed): the mouth curves up for 5, flat for 3, down for 1. */
function face(n) {
  const c = (n - 3) * 3;
  const b = document.createElement('span');
  b.className = 'face';
  b.innerHTML = '<svg viewBox="0 0 24 24" width="96" height="96" aria-hidden="true"><circle cx="12" cy="12" r="10.5" fill="none" stroke="'
    + FACE_COLOURS[n] + '" stroke-width="1.6"/><circle cx="8.5" cy="9.5" r="1.4" fill="' + FACE_COLOURS[n] + '"/><circle cx="15.5" cy="9.5" r="1.4" fill="'
    + FACE_COLOURS[n] + '"/><path d="M7 ' + (15.5 - c / 2) + ' Q12 ' + (15.5 + c) + ' 17 ' + (15.5 - c / 2) + '" fill="none" stroke="'
    + FACE_COLOURS[n] + '" stroke-width="1.6" stroke-linecap="round"/></svg>';
  return b;
}

function plateCard(target, p) {
  $(target).replaceChildren(...(p ? [el('span', { class: 'name' }, p.realName), el('span', { class: 'staff', 'data-staff': p.staffNumber },
    p.staffNumber)] : [el('span', { class: 'staff' }, t('noPlate'))]));
}

function label(x) {
  return lang() === 'en' ? x.en : x.zh;
}

function renderIdle() {
  $('idle-window').textContent = t('windowN', { n: WINDOW });
  plateCard('idle-plate', plate);
  $('idle-plate').classList.toggle('hidden', !plate && staffed);
}

function renderRate() {
  if (!prompt || !party) return;
  $('rate-matter').textContent = lang() === 'en' && prompt.matterNameEn ? prompt.matterNameEn : prompt.matterNameZh;
  $('rate-case').textContent = t('caseNo', { no: prompt.caseNumber });
  $('rate-party').textContent = t('rateParty', { party: label(party) });
  $('rate-party').dataset.party = party.party;
  plateCard('rate-plate', party.plate);
  $('rate-plate').classList.toggle('hidden', !party.plate);
  $('faces').replaceChildren(...prompt.levels.map((l) => el('button', {
    type: 'button', class: level && level.level === l.level ? 'on' : '', 'data-level': l.level, onclick: () => pick(l),
  }, face(l.score), el('span', {}, label(l)))));
  $('bad').classList.toggle('hidden', !level);
  if (level) {
    $('reasons').replaceChildren(...level.reasons.map((r) => el('button', {
      type: 'button', class: chosen.includes(r.code) ? 'on' : '', 'data-reason': r.code, onclick: () => toggle(r.code),
    }, label(r))));
  }
  checkSend();
}

function checkSend() {
  const comment = $('comment').value.trim();
  const needsText = level && level.reasons.some((r) => r.needsText && chosen.includes(r.code));
  $('send').disabled = !level || (chosen.length === 0 && !comment) || (needsText && !comment);
}

function pick(l) {
  $('error').classList.add('hidden');
  if (!l.bad) {
    send(l.level, [], '');
    return;
  }
  level = l;
  chosen = [];
  $('comment').value = '';
  renderRate();
}

function toggle(code) {
  chosen = chosen.includes(code) ? chosen.filter((c) => c !== code) : chosen.concat(code).slice(0, prompt.maxReasons || 5);
  renderRate();
}

async function send(lv, reasons, comment) {
  try {
    await padApi('rating-prompt/evaluation', { method: 'POST', body: { party: party.party, level: lv, reasons, comment } });
  } catch (e) {
    if (e.code !== 'party-rated') {
      $('error').textContent = e.message;
      $('error').classList.remove('hidden');
      if (e.code === 'no-rating-prompt') setTimeout(idle, THANKS_MS);
      return;
    }
  }
  const rest = prompt.parties.slice(prompt.parties.indexOf(party) + 1);
  if (rest.length) {
    party = rest[0];
    level = null;
    chosen = [];
    renderRate();
    return;
  }
  prompt = null;
  party = null;
  level = null;
  thanksUntil = Date.now() + THANKS_MS;
  show('thanks');
  setTimeout(idle, THANKS_MS);
}

function idle() {
  prompt = null;
  party = null;
  level = null;
  renderIdle();
  show('idle');
}

async function loadPlate() {
  try {
    const w = await api(hallPath('windows/' + WINDOW));
    plate = w.plate || null;
    staffed = w.signedIn !== false && !!w.signedInAt;
  } catch (e) {
    plate = null;
    staffed = false;
  }
  if (document.body.dataset.screen === 'idle') renderIdle();
}

async function poll() {
  try {
    if (!token) {
      show('setup');
      return;
    }
    if (Date.now() < thanksUntil) return;
    let p;
    try {
      p = await padApi('rating-prompt');
    } catch (e) {
      if (e.status === 401 || e.status === 403) {
        $('setup-detail').textContent = e.message;
        show('setup');
        return;
      }
      if (e.code === 'no-rating-prompt') {
        $('offline').classList.add('hidden');
        if (document.body.dataset.screen !== 'idle') idle(); // lapsed, replaced, or never asked
        return;
      }
      throw e;
    }
    $('offline').classList.add('hidden');
    if (prompt && prompt.caseNumber === p.caseNumber && prompt.expiresAt === p.expiresAt) return;
    prompt = p;
    party = p.parties[0];
    level = null;
    chosen = [];
    $('error').classList.add('hidden');
    renderRate();
    show('rate');
  } catch (e) {
    $('offline').classList.remove('hidden');
  } finally {
    setTimeout(poll, POLL_MS);
  }
}

async function start() {
  initI18n(DICT);
  setInterval(() => { $('clock').textContent = clock(); }, 1000);
  $('clock').textContent = clock();
  if (!(WINDOW > 0)) {
    $('idle-window').textContent = t('noWindow');
    show('idle');
    return;
  }
  await pageHall();
  readToken();
  $('comment').addEventListener('input', checkSend);
  $('send').addEventListener('click', () => send(level.level, chosen, $('comment').value.trim()));
  $('save-token').addEventListener('click', () => {
    token = $('token').value.trim();
    try { localStorage.setItem(TOKEN_KEY, token); } catch (e) { /* kept while the page is open */ }
    $('token').value = '';
    idle();
  });
  onLanguage(() => { renderIdle(); renderRate(); });
  idle();
  loadPlate();
  setInterval(loadPlate, 30000);
  poll();
}

start();
