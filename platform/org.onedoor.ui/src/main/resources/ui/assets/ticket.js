// Citizen status: a ticket's state, position and estimated wait, refreshed every 10 seconds.
import { api, clock, zones } from './common.js';
import { initI18n, nameOf, onLanguage, t } from './i18n.js';

const DICT = {
  zh: {
    title: '排队进度', 'ahead.before': '前面还有', 'ahead.after': '人', 'wait.before': '预计等候', 'wait.after': '分钟',
    refresh: '每 10 秒自动刷新 · 更新于', noId: '缺少票号，请扫描取号单上的二维码',
    goTo: '请到 {window} 号窗口办理', serving: '{window} 号窗口正在为您办理',
    notFound: '没有找到这张票（只能查询当天的票）', retry: '暂时无法连接，稍后自动重试',
  },
  en: {
    title: 'Queue status', 'ahead.before': 'People ahead: ', 'ahead.after': '', 'wait.before': 'Estimated wait: ', 'wait.after': ' min',
    refresh: 'Refreshes every 10 seconds · updated at', noId: 'No ticket given: scan the QR code on your ticket',
    goTo: 'Please go to window {window}', serving: 'Window {window} is serving you',
    notFound: 'Ticket not found (only today\'s tickets can be looked up)', retry: 'Cannot connect now, retrying shortly',
  },
};

const $ = (id) => document.getElementById(id);
const id = new URLSearchParams(location.search).get('id') || '';
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
  const atWindow = (tk.status === 'CALLED' || tk.status === 'SERVING') && tk.window;
  $('window').classList.toggle('hidden', !atWindow);
  if (atWindow) $('window').textContent = t(tk.status === 'CALLED' ? 'goTo' : 'serving', { window: tk.window });
}

async function refresh() {
  if (!id) { problem = 'noId'; draw(); return; }
  try {
    last = await api('/api/v1/tickets/' + encodeURIComponent(id));
    problem = '';
    $('updated').textContent = clock();
  } catch (e) {
    problem = e.status === 404 ? 'notFound' : 'retry';
  }
  draw();
}

initI18n(DICT);
onLanguage(draw);
zones().then((list) => { zoneList = Object.fromEntries(list.map((z) => [z.id, z])); }).catch(() => {}).finally(refresh);
setInterval(refresh, 10000);
