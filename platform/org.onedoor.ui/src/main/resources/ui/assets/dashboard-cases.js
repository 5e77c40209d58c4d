// The dashboard's cases part: cases per department with their yellow and red ones (GET
// /api/v1/cases, GET /api/v1/cases/alerts) and ratings per department (GET
// /api/v1/cases/evaluations/summary), as ECharts charts with tables carrying the same figures.
import { api, el } from './common.js';
import { followCases, when } from './cases.js';
import { t } from './i18n.js';

export const DASHBOARD_CASE_DICT = {
  zh: {
    'cases.title': '办件情况', 'cases.chart': '各部门办件与黄红灯', 'cases.ratings': '各部门评价（平均分，满分 5）',
    'cases.department': '部门', 'cases.total': '办件', 'cases.open': '在办', 'cases.yellow': '黄灯', 'cases.red': '红灯',
    'cases.none': '还没有办件', 'cases.tableCaption': '各部门办件（最新 {n} 件）', 'ratings.caption': '各部门评价',
    'ratings.count': '评价数', 'ratings.average': '平均分', 'ratings.bad': '差评（1–2 分）', 'ratings.none': '还没有评价',
    'alerts.caption': '督办提醒', 'alerts.kind': '类型', 'alerts.subject': '对象', 'alerts.detail': '说明', 'alerts.since': '起始',
    'alerts.none': '没有黄灯、红灯或其他提醒', 'ratings.clerks': '窗口人员', 'ratings.approvers': '审批人员',
  },
  en: {
    'cases.title': 'Cases', 'cases.chart': 'Cases per department, yellow and red', 'cases.ratings': 'Ratings per department (mean, out of 5)',
    'cases.department': 'Department', 'cases.total': 'Cases', 'cases.open': 'Open', 'cases.yellow': 'Yellow', 'cases.red': 'Red',
    'cases.none': 'No cases yet', 'cases.tableCaption': 'Cases per department (newest {n})', 'ratings.caption': 'Ratings per department',
    'ratings.count': 'Ratings', 'ratings.average': 'Mean', 'ratings.bad': 'Bad (1–2)', 'ratings.none': 'No ratings yet',
    'alerts.caption': 'Supervision alerts', 'alerts.kind': 'Kind', 'alerts.subject': 'Subject', 'alerts.detail': 'Detail', 'alerts.since': 'Since',
    'alerts.none': 'No yellow, red or other alerts', 'ratings.clerks': 'Window clerks', 'ratings.approvers': 'Approvers',
  },
};

const LIMIT = 500;
const $ = (id) => document.getElementById(id);

/** The part of the dashboard; say(text) shows a refusal. */
export function createCaseBoard({ say }) {
  let cases = null;
  let alerts = [];
  let ratings = null;
  let casesChart = null;
  let ratingsChart = null;
  let again = null;

  async function load() {
    try {
      const [list, alertAnswer, summary] = await Promise.all([api('/api/v1/cases?limit=' + LIMIT), api('/api/v1/cases/alerts'),
        api('/api/v1/cases/evaluations/summary')]);
      cases = list.cases;
      alerts = alertAnswer.alerts;
      ratings = summary;
      draw();
    } catch (e) {
      say(e.message);
    }
  }

  function perDepartment() {
    const rows = {};
    const row = (d) => (rows[d] = rows[d] || { departmentId: d, total: 0, open: 0, yellow: 0, red: 0 });
    cases.forEach((c) => {
      const r = row(c.departmentId);
      r.total += 1;
      if (c.state === 'ACCEPTED' || c.state === 'SPECIAL_STEPS') r.open += 1;
    });
    alerts.forEach((a) => {
      if (a.kind === 'CASE_YELLOW') row(a.departmentId).yellow += 1;
      if (a.kind === 'CASE_RED') row(a.departmentId).red += 1;
    });
    return Object.values(rows).sort((a, b) => a.departmentId.localeCompare(b.departmentId));
  }

  function num(v, digits) {
    return v === null || v === undefined ? '—' : digits ? Number(v).toFixed(digits) : String(v);
  }

  function draw() {
    if (!cases) return;
    const rows = perDepartment();
    $('cases-empty').classList.toggle('hidden', rows.length > 0);
    $('cases-charts').classList.toggle('hidden', rows.length === 0);
    $('cases-caption').textContent = t('cases.tableCaption', { n: LIMIT });
    $('cases-table').tBodies[0].replaceChildren(...rows.map((r) => el('tr', { 'data-department': r.departmentId },
      el('th', { scope: 'row' }, r.departmentId),
      el('td', { class: 'num', 'data-field': 'total' }, String(r.total)),
      el('td', { class: 'num', 'data-field': 'open' }, String(r.open)),
      el('td', { class: 'num', 'data-field': 'yellow' }, String(r.yellow)),
      el('td', { class: 'num', 'data-field': 'red' }, String(r.red)))));
    const depts = ratings.departments;
    $('ratings-empty').classList.toggle('hidden', depts.length > 0);
    $('ratings-table').tBodies[0].replaceChildren(...depts.map((r) => el('tr', { 'data-department': r.subject },
      el('th', { scope: 'row' }, r.subject),
      el('td', { class: 'num', 'data-field': 'count' }, String(r.count)),
      el('td', { class: 'num', 'data-field': 'average' }, num(r.average, 1)),
      el('td', { class: 'num', 'data-field': 'bad' }, String(r.bad)))));
    const people = [...ratings.clerks.map((r) => ['ratings.clerks', r]), ...ratings.approvers.map((r) => ['ratings.approvers', r])];
    $('people-table').tBodies[0].replaceChildren(...people.map(([k, r]) => el('tr', { 'data-subject': r.subject },
      el('td', {}, t(k)), el('th', { scope: 'row' }, r.subject), el('td', { class: 'num' }, String(r.count)),
      el('td', { class: 'num' }, num(r.average, 1)), el('td', { class: 'num' }, String(r.bad)))));
    $('alerts-empty').classList.toggle('hidden', alerts.length > 0);
    $('alerts-table').classList.toggle('hidden', alerts.length === 0);
    $('alerts-table').tBodies[0].replaceChildren(...alerts.map((a) => el('tr', { 'data-kind': a.kind, class: 'alert-' + a.kind.toLowerCase() },
      el('td', {}, t('alert.' + a.kind)), el('td', {}, a.departmentId), el('td', { class: 'mono' }, a.subject),
      el('td', {}, a.detail), el('td', {}, when(a.since)))));
    drawCharts(rows, depts);
  }

  function drawCharts(rows, depts) {
    if (!window.echarts || !rows.length) return; // the tables carry the figures
    const font = { fontFamily: getComputedStyle(document.body).fontFamily, fontSize: 14 };
    casesChart = casesChart || window.echarts.init($('chart-cases'), null, { renderer: 'canvas' });
    casesChart.setOption({
      textStyle: font, animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: rows.map((r) => r.departmentId) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('cases.total'), type: 'bar', data: rows.map((r) => r.total), itemStyle: { color: '#0b4f9c' } },
        { name: t('cases.open'), type: 'bar', data: rows.map((r) => r.open), itemStyle: { color: '#1c8a3e' } },
        { name: t('cases.yellow'), type: 'bar', data: rows.map((r) => r.yellow), itemStyle: { color: '#f2a900' } },
        { name: t('cases.red'), type: 'bar', data: rows.map((r) => r.red), itemStyle: { color: '#c62828' } },
      ],
    }, true);
    $('ratings-card').classList.toggle('hidden', depts.length === 0);
    if (!depts.length) return;
    ratingsChart = ratingsChart || window.echarts.init($('chart-ratings'), null, { renderer: 'canvas' });
    ratingsChart.setOption({
      textStyle: font, animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: depts.map((r) => r.subject) },
      yAxis: { type: 'value', min: 0, max: 5 },
      series: [{ name: t('ratings.average'), type: 'bar', data: depts.map((r) => r.average), itemStyle: { color: '#1c8a3e' },
        label: { show: true, position: 'top', formatter: (p) => Number(p.value).toFixed(1) } }],
    }, true);
    ratingsChart.resize();
  }

  function start() {
    load();
    setInterval(load, 30000);
    followCases({
      onConnected: (up) => { if (up) load(); },
      onEvent: () => { clearTimeout(again); again = setTimeout(load, 1000); },
    });
    window.addEventListener('resize', () => { if (casesChart) casesChart.resize(); if (ratingsChart) ratingsChart.resize(); });
  }

  return { start, draw };
}
