// Window workstation: sign in to a window, call and serve tickets, see the zone's waiting count live.
import { api, el, followQueue, STATUS_ZH, zones } from './common.js';

const $ = (id) => document.getElementById(id);
let auth = null; // {user, password}: kept in memory only
let windowNo = 0;
let session = null;
let zoneNames = {};
let stream = null;

function say(text, isError) {
  $('message').textContent = isError ? text : '';
  $('info').textContent = isError ? '' : text;
}

function render() {
  const current = session && session.current;
  $('current-number').textContent = current ? current.number : '—';
  $('current-status').textContent = current ? (STATUS_ZH[current.status] || current.status) : '空闲';
  const status = current ? current.status : '';
  $('call-next').disabled = !!current;
  $('recall').disabled = status !== 'CALLED';
  $('no-show').disabled = status !== 'CALLED';
  $('start').disabled = status !== 'CALLED';
  $('complete').disabled = status !== 'SERVING';
  $('transfer').disabled = !current;
  $('pause').textContent = session && session.paused ? '恢复' : '暂停';
  $('zone-name').textContent = session ? (zoneNames[session.zoneId] || session.zoneId) : '';
}

async function refreshWindow() {
  const s = await api('/api/v1/windows/' + windowNo);
  session = s.signedIn === false ? null : s;
  if (!session) { signedOut('窗口已签退'); return; }
  render();
}

async function act(action, body) {
  try {
    const answer = await api('/api/v1/windows/' + windowNo + '/' + action, { method: 'POST', auth, body });
    if (action === 'call-next' && !answer.ticket) say('当前没有等候的号', false);
    else if (action === 'call-next') say('已呼叫 ' + answer.ticket.number, false);
    else if (action === 'transfer') say(answer.number + ' 已转移到 ' + (zoneNames[answer.zoneId] || answer.zoneId), false);
    else say('', false);
    await refreshWindow();
  } catch (e) {
    say(e.message, true);
    if (e.status === 401) signedOut('请重新签到');
  }
}

function signedOut(text) {
  if (stream) { stream.close(); stream = null; }
  session = null;
  $('desk').classList.add('hidden');
  $('signin').classList.remove('hidden');
  $('title').textContent = '窗口工作台';
  $('who').textContent = '';
  $('offline').classList.add('hidden');
  say(text, false);
}

$('signin').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  windowNo = Number($('window-no').value);
  auth = { user: $('user').value.trim(), password: $('password').value };
  try {
    session = await api('/api/v1/windows/' + windowNo + '/sign-in', { method: 'POST', auth });
    const list = await zones();
    zoneNames = Object.fromEntries(list.map((z) => [z.id, z.nameZh]));
    $('transfer-zone').replaceChildren(...list.filter((z) => !z.universal && z.id !== session.zoneId)
      .map((z) => el('option', { value: z.id }, z.letter + ' ' + z.nameZh)));
    $('password').value = '';
    $('signin').classList.add('hidden');
    $('desk').classList.remove('hidden');
    $('title').textContent = windowNo + '号窗口';
    $('who').textContent = auth.user;
    say('已签到', false);
    render();
    follow();
  } catch (e) {
    say(e.message, true);
  }
});

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
    await api('/api/v1/windows/' + windowNo + '/sign-out', { method: 'POST', auth });
    auth = null;
    signedOut('已签退');
  } catch (e) {
    say(e.message, true);
  }
});
