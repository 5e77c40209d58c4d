// Window workstation: sign in to a window, call and serve tickets, see the zone's waiting count live,
// and open a case for the called ticket (window-case.js).
import { api, el, followQueue, HALL, hallPath, pageHall, zones } from './common.js';
import { withCaseText } from './cases.js';
import { initI18n, nameOf, onLanguage, t } from './i18n.js';
import { currentUser, signIn as openPageSession, signOut as endPageSession } from './session.js';
import { CASE_DICT, createCasePanel } from './window-case.js';
import { FILES_DICT } from './window-files.js';
import { RULES_DICT } from './window-rules.js';
import { BUNDLE_DICT } from './window-bundle.js';
import { MAIL_DICT } from './window-mail.js';

const DICT = {
  zh: {
    title: '窗口工作台', 'signIn.title': '窗口签到', 'signIn.window': '窗口号', 'signIn.user': '用户名', 'signIn.password': '密码',
    'signIn.submit': '签到', current: '当前号', waiting: '等候人数', 'a.call-next': '叫号', 'a.recall': '重呼', 'a.no-show': '过号',
    'a.start': '开始办理', 'a.complete': '办结', transferTo: '转移到', 'a.transfer': '转移', 'a.sign-out': '签退', pause: '暂停',
    resume: '恢复', idle: '空闲', windowN: '{n}号窗口', noneWaiting: '当前没有等候的号', called: '已呼叫 {number}',
    transferred: '{number} 已转移到 {zone}', byAppointment: '预约', signedIn: '已签到', resumed: '已恢复窗口会话', signedOut: '已签退', windowSignedOut: '窗口已签退', signInAgain: '请重新签到',
  },
  en: {
    title: 'Window workstation', 'signIn.title': 'Sign in to a window', 'signIn.window': 'Window', 'signIn.user': 'User name',
    'signIn.password': 'Password', 'signIn.submit': 'Sign in', current: 'Current ticket', waiting: 'Waiting', 'a.call-next': 'Call next',
    'a.recall': 'Recall', 'a.no-show': 'No-show', 'a.start': 'Start', 'a.complete': 'Complete', transferTo: 'Transfer to',
    'a.transfer': 'Transfer', 'a.sign-out': 'Sign out', pause: 'Pause', resume: 'Resume', idle: 'Idle', windowN: 'Window {n}',
    noneWaiting: 'Nobody is waiting', called: 'Called {number}', transferred: '{number} transferred to {zone}', byAppointment: 'appointment', signedIn: 'Signed in',
    resumed: 'Window session resumed', signedOut: 'Signed out', windowSignedOut: 'The window was signed out', signInAgain: 'Please sign in again',
  },
};

const $ = (id) => document.getElementById(id);
let windowNo = 0;
let session = null;
let zoneList = {};
let saying = null; // [key, vars, isError] of the last message, redrawn on a language change
let stream = null;
const cases = createCasePanel({ windowNo: () => windowNo, session: () => session, say: (text, isError) => say(text, isError) });

function say(text, isError) {
  saying = null;
  $('message').textContent = isError ? text : '';
  $('info').textContent = isError ? '' : text;
}

function sayKey(key, vars = {}) {
  say(t(key, vars), false);
  saying = [key, vars];
}

/** The ticket's matter category (a unit of its zone) and whether it came by appointment. */
function categoryText(ticket) {
  const zone = zoneList[ticket.issuedZoneId] || zoneList[ticket.zoneId];
  const unit = zone && (zone.units || []).find((u) => (u.id || u.nameZh) === ticket.category);
  const parts = [];
  if (ticket.category) parts.push(unit ? nameOf(unit) : ticket.category);
  if (ticket.priority === 'APPOINTMENT') parts.push(t('byAppointment'));
  if (ticket.priority === 'GREEN') parts.push(t('green.' + ticket.greenReason));
  return parts.join(' · ');
}

function zoneName(id) {
  return nameOf(zoneList[id]) || id;
}

function render() {
  const current = session && session.current;
  $('current-number').textContent = current ? current.number : '—';
  $('current-status').textContent = current ? t('status.' + current.status) : t('idle');
  $('current-category').textContent = current ? categoryText(current) : '';
  const status = current ? current.status : '';
  $('call-next').disabled = !!current;
  $('recall').disabled = status !== 'CALLED';
  $('no-show').disabled = status !== 'CALLED';
  $('start').disabled = status !== 'CALLED';
  $('complete').disabled = status !== 'SERVING';
  $('transfer').disabled = !current;
  $('pause').textContent = t(session && session.paused ? 'resume' : 'pause');
  $('zone-name').textContent = session ? zoneName(session.zoneId) : '';
  if (session) $('title').textContent = t('windowN', { n: windowNo });
  cases.update();
}

async function refreshWindow() {
  const s = await api(hallPath('windows/') + windowNo);
  session = s.signedIn === false ? null : s;
  if (!session) { signedOut('windowSignedOut'); return; }
  render();
}

async function act(action, body) {
  try {
    const answer = await api(hallPath('windows/') + windowNo + '/' + action, { method: 'POST', body });
    if (action === 'call-next' && !answer.ticket) sayKey('noneWaiting');
    else if (action === 'call-next') sayKey('called', { number: answer.ticket.number });
    else if (action === 'transfer') sayKey('transferred', { number: answer.number, zone: zoneName(answer.zoneId) });
    else say('', false);
    await refreshWindow();
  } catch (e) {
    say(e.message, true);
    if (e.status === 401) signedOut('signInAgain');
  }
}

function signedOut(key) {
  if (stream) { stream.close(); stream = null; }
  rememberWindow(0);
  session = null;
  cases.stop();
  endPageSession();
  $('desk').classList.add('hidden');
  $('signin').classList.remove('hidden');
  $('title').textContent = t('title');
  $('who').textContent = '';
  $('offline').classList.add('hidden');
  sayKey(key);
}

const WINDOW_KEY = 'onedoor.window' + (HALL ? '.' + HALL : ''); // windows are numbered per hall

function rememberWindow(no) {
  try {
    if (no) sessionStorage.setItem(WINDOW_KEY, String(no));
    else sessionStorage.removeItem(WINDOW_KEY);
  } catch (e) {
    // storage refused: a reload asks to sign in again
  }
}

/** Shows the desk of the window this tab holds, following its zone. */
async function openDesk(user) {
  const list = await zones();
  zoneList = Object.fromEntries(list.map((z) => [z.id, z]));
  drawTransferZones();
  rememberWindow(windowNo);
  $('signin').classList.add('hidden');
  $('desk').classList.remove('hidden');
  $('who').textContent = user;
  render();
  follow();
  cases.start();
}

$('signin').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  windowNo = Number($('window-no').value);
  const user = $('user').value.trim();
  try {
    // sign in once (page session: HttpOnly cookie and CSRF token); every action then carries the session,
    // so the password is checked once, not on each action
    await openPageSession(user, $('password').value);
    session = await api(hallPath('windows/') + windowNo + '/sign-in', { method: 'POST' });
    $('password').value = '';
    await openDesk(user);
    sayKey('signedIn');
  } catch (e) {
    $('password').value = '';
    say(e.message, true);
  }
});

/**
 * After a reload: the tab's page session and the window it held come back without a new
 * sign-in, as long as the session is alive and the clerk still holds that window.
 */
async function resume() {
  let remembered = 0;
  try {
    remembered = Number(sessionStorage.getItem(WINDOW_KEY) || 0);
  } catch (e) {
    remembered = 0;
  }
  if (!remembered) return;
  const user = await currentUser();
  if (!user) { rememberWindow(0); return; }
  try {
    const s = await api(hallPath('windows/') + remembered);
    if (s.signedIn === false || s.clerk !== user.username) { rememberWindow(0); return; }
    windowNo = remembered;
    session = s;
    $('window-no').value = String(remembered);
    await openDesk(user.username);
    sayKey('resumed');
  } catch (e) {
    say(e.message, true);
  }
}

function drawTransferZones() {
  if (!session) return;
  const chosen = $('transfer-zone').value;
  $('transfer-zone').replaceChildren(...Object.values(zoneList).filter((z) => !z.universal && z.id !== session.zoneId)
    .map((z) => el('option', { value: z.id }, z.letter + ' ' + nameOf(z))));
  if (chosen) $('transfer-zone').value = chosen;
}

function follow() {
  const zone = session.zoneId === 'universal' ? '' : session.zoneId;
  stream = followQueue({
    zone,
    onConnected: (up) => $('offline').classList.toggle('hidden', up),
    onSnapshot: (snap) => {
      $('waiting-count').textContent = String(snap.waitingCount);
      const mine = snap.windows.find((w) => w.window === windowNo);
      if (mine) { session = mine; render(); }
    },
    onEvent: (e) => {
      // counts move with issues, calls and transfers: the snapshot says how many are waiting now
      if (e.type !== 'STARTED' && e.type !== 'COMPLETED') stream.resync();
      if (e.window === windowNo) refreshWindow().catch(() => {});
    },
  });
}

['call-next', 'recall', 'no-show', 'start', 'complete'].forEach((a) => $(a).addEventListener('click', () => act(a)));
$('transfer').addEventListener('click', () => act('transfer', { zone: $('transfer-zone').value }));
$('pause').addEventListener('click', () => act('pause', { paused: !(session && session.paused) }));
$('sign-out').addEventListener('click', async () => {
  try {
    await api(hallPath('windows/') + windowNo + '/sign-out', { method: 'POST' });
    signedOut('signedOut');
  } catch (e) {
    say(e.message, true);
  }
});

initI18n(withCaseText({ zh: { ...DICT.zh, ...CASE_DICT.zh, ...FILES_DICT.zh, ...RULES_DICT.zh, ...BUNDLE_DICT.zh, ...MAIL_DICT.zh },
  en: { ...DICT.en, ...CASE_DICT.en, ...FILES_DICT.en, ...RULES_DICT.en, ...BUNDLE_DICT.en, ...MAIL_DICT.en } }));
onLanguage(() => {
  cases.redraw();
  if (session) { render(); drawTransferZones(); } else $('title').textContent = t('title');
  if (saying) sayKey(saying[0], saying[1]);
});

pageHall().then(resume, () => {});
