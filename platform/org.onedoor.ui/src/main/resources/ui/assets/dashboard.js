// Supervisor dashboard: waiting times and served counts per zone on a day (today by default), as
// ECharts charts and as a table with the same figures for screen readers. Figures come from
// GET /api/v1/stats/queue; the page refreshes them when the queue's event stream reports a change
// (and every 30 s). Only what has data is shown. Below, the cases: per department, yellow and red,
// ratings (dashboard-cases.js); then the kept reports with their files and a chart (dashboard-reports.js).
import { api, el, followQueue, hallPath, pageHall } from './common.js';
import { withCaseText } from './cases.js';
import { createCaseBoard, DASHBOARD_CASE_DICT } from './dashboard-cases.js';
import { createReportBoard, DASHBOARD_REPORT_DICT } from './dashboard-reports.js';
import { clockText, initI18n, nameOf, onLanguage, t } from './i18n.js';
import { currentUser, holds, signIn, signOut, userText } from './session.js';

const DICT = {
  zh: {
    title: '督查看板', signOut: '退出登录', noAccess: '此账号不能查看督查看板（需要督查或管理员角色）',
    'signIn.title': '登录', 'signIn.user': '用户名', 'signIn.password': '密码', 'signIn.submit': '登录',
    day: '日期', dayTitle: '{day} 排队情况', today: '今天', empty: '{day}没有取号记录',
    issued: '取号', served: '已办结', waiting: '等候中', atWindow: '窗口中', noShows: '过号',
    avgWait: '平均等候（分钟）', maxWait: '最长等候（分钟）', avgService: '平均办理（分钟）',
    'chart.counts': '各区域取号与办结', 'chart.wait': '各区域等候时间（分钟）',
    'table.caption': '各区域排队情况', 'table.zone': '区域',
  },
  en: {
    title: 'Supervisor dashboard', signOut: 'Sign out', noAccess: 'This account may not see the dashboard (it needs the supervisor or admin role)',
    'signIn.title': 'Sign in', 'signIn.user': 'User name', 'signIn.password': 'Password', 'signIn.submit': 'Sign in',
    day: 'Day', dayTitle: 'Queue on {day}', today: 'today', empty: 'No ticket was issued {day}',
    issued: 'Issued', served: 'Served', waiting: 'Waiting', atWindow: 'At a window', noShows: 'No-shows',
    avgWait: 'Mean wait (min)', maxWait: 'Longest wait (min)', avgService: 'Mean service (min)',
    'chart.counts': 'Tickets issued and served per zone', 'chart.wait': 'Waiting time per zone (minutes)',
    'table.caption': 'Queue per zone', 'table.zone': 'Zone',
  },
};

const REFRESH_MS = 30000;
const $ = (id) => document.getElementById(id);
let zones = {};
let stats = null;
let updatedAt = null;
let counts = null;
let wait = null;
let reload = null;
const caseBoard = createCaseBoard({ say: (text) => { $('message').textContent = text; } });
const reportBoard = createReportBoard({ say: (text) => { $('message').textContent = text; } });

function hallToday() {
  // the hall's calendar day (Asia/Shanghai), as the API counts days
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

function chosenDay() {
  return $('day').value || hallToday();
}

async function load() {
  try {
    stats = await api(hallPath('stats/queue') + '?day=' + encodeURIComponent(chosenDay()));
    updatedAt = new Date();
    $('message').textContent = '';
    draw();
  } catch (e) {
    $('message').textContent = e.message;
  }
}

function fixed(v) {
  return v === null || v === undefined ? '—' : v.toFixed(1);
}

function draw() {
  if (!stats) return;
  const isToday = stats.day === hallToday();
  const dayText = isToday ? t('today') : stats.day;
  $('day-title').textContent = t('dayTitle', { day: dayText });
  $('updated').textContent = updatedAt ? t('updatedAt', { time: clockText(updatedAt) }) : '';
  const rows = stats.zones;
  $('empty').classList.toggle('hidden', rows.length > 0);
  $('queue').classList.toggle('hidden', rows.length === 0);
  if (!rows.length) {
    $('empty').textContent = t('empty', { day: dayText });
    return;
  }
  $('total-issued').textContent = String(stats.totals.issued);
  $('total-served').textContent = String(stats.totals.served);
  $('total-waiting').textContent = String(stats.totals.waiting);
  const name = (id) => nameOf(zones[id]) || id;
  $('stats-table').tBodies[0].replaceChildren(...rows.map((z) => el('tr', { 'data-zone': z.zoneId },
    el('th', { scope: 'row' }, name(z.zoneId)),
    el('td', { class: 'num', 'data-field': 'issued' }, String(z.issued)),
    el('td', { class: 'num', 'data-field': 'served' }, String(z.served)),
    el('td', { class: 'num', 'data-field': 'waiting' }, String(z.waiting)),
    el('td', { class: 'num', 'data-field': 'atWindow' }, String(z.atWindow)),
    el('td', { class: 'num', 'data-field': 'noShows' }, String(z.noShows)),
    el('td', { class: 'num', 'data-field': 'averageWaitMinutes' }, fixed(z.averageWaitMinutes)),
    el('td', { class: 'num', 'data-field': 'longestWaitMinutes' }, fixed(z.longestWaitMinutes)),
    el('td', { class: 'num', 'data-field': 'averageServiceMinutes' }, fixed(z.averageServiceMinutes)))));
  drawCharts(rows, name);
}

function drawCharts(rows, name) {
  if (!window.echarts) return; // the table carries the figures
  const font = { fontFamily: getComputedStyle(document.body).fontFamily, fontSize: 14 };
  counts = counts || window.echarts.init($('chart-counts'), null, { renderer: 'canvas' });
  counts.setOption({
    textStyle: font,
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 72 },
    xAxis: { type: 'category', data: rows.map((z) => name(z.zoneId)), axisLabel: { interval: 0, rotate: rows.length > 4 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('issued'), type: 'bar', data: rows.map((z) => z.issued), itemStyle: { color: '#0b4f9c' } },
      { name: t('served'), type: 'bar', data: rows.map((z) => z.served), itemStyle: { color: '#1c8a3e' } },
      { name: t('waiting'), type: 'bar', data: rows.map((z) => z.waiting), itemStyle: { color: '#f2a900' } },
    ],
  }, true);
  const timed = rows.filter((z) => z.averageWaitMinutes !== null);
  $('wait-card').classList.toggle('hidden', timed.length === 0);
  if (!timed.length) return;
  wait = wait || window.echarts.init($('chart-wait'), null, { renderer: 'canvas' });
  wait.setOption({
    textStyle: font,
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 72 },
    xAxis: { type: 'category', data: timed.map((z) => name(z.zoneId)), axisLabel: { interval: 0, rotate: timed.length > 4 ? 30 : 0 } },
    yAxis: { type: 'value' },
    series: [
      { name: t('avgWait'), type: 'bar', data: timed.map((z) => z.averageWaitMinutes), itemStyle: { color: '#0b4f9c' } },
      { name: t('maxWait'), type: 'bar', data: timed.map((z) => z.longestWaitMinutes), itemStyle: { color: '#c62828' } },
    ],
  }, true);
  wait.resize();
}

function follow() {
  followQueue({
    zone: '',
    onConnected: (up) => $('offline').classList.toggle('hidden', up),
    onSnapshot: () => {},
    onEvent: () => {
      if (chosenDay() !== hallToday()) return;
      clearTimeout(reload); // a burst of events: one reload after it
      reload = setTimeout(load, 1000);
    },
  });
}

async function start(u) {
  $('who').textContent = userText(u);
  $('sign-out').classList.remove('hidden');
  $('signin').classList.add('hidden');
  if (!holds(u, 'supervisor', 'admin')) {
    $('no-access').classList.remove('hidden');
    return;
  }
  $('board').classList.remove('hidden');
  $('day').value = hallToday();
  $('day').max = hallToday();
  try {
    zones = Object.fromEntries((await api(hallPath('zones') + '?state=all')).zones.map((z) => [z.id, z]));
  } catch (e) {
    zones = {};
  }
  await load();
  setInterval(load, REFRESH_MS);
  follow();
  caseBoard.start();
  reportBoard.start();
  window.addEventListener('resize', () => { if (counts) counts.resize(); if (wait) wait.resize(); });
}

$('signin').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  try {
    const u = await signIn($('user').value.trim(), $('password').value);
    $('password').value = '';
    $('message').textContent = '';
    await start(u);
  } catch (e) {
    $('message').textContent = e.message;
  }
});
$('sign-out').addEventListener('click', async () => {
  await signOut();
  location.reload();
});
$('day').addEventListener('change', load);

initI18n(withCaseText({ zh: { ...DICT.zh, ...DASHBOARD_CASE_DICT.zh, ...DASHBOARD_REPORT_DICT.zh },
  en: { ...DICT.en, ...DASHBOARD_CASE_DICT.en, ...DASHBOARD_REPORT_DICT.en } }));
onLanguage(() => { draw(); caseBoard.draw(); reportBoard.draw(); });
pageHall().then(() => currentUser(), () => undefined).then((u) => {
  if (u === undefined) return; // an unknown hall: the page says so
  if (u) start(u);
  else $('signin').classList.remove('hidden');
});

