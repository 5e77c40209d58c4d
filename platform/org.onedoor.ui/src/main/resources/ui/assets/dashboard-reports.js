// The dashboard's reports part (R19): the kept weekly, monthly and quarterly reports (GET
// /api/v1/reports) with links to their PDF and XLSX files, one built on demand (POST
// /api/v1/reports), and the chosen report's case-volume points per unit as an ECharts bar chart
// with a table carrying the same figures. Every figure comes from the kept report itself.
import { api, el } from './common.js';
import { t } from './i18n.js';

export const DASHBOARD_REPORT_DICT = {
  zh: {
    'reports.title': '通报与报告', 'reports.kind': '类别', 'reports.period': '期间', 'reports.build': '生成报告',
    'reports.kind.WEEK': '周通报', 'reports.kind.MONTH': '月度报告', 'reports.kind.QUARTER': '季度考核',
    'reports.list': '已生成的报告', 'reports.builtAt': '生成时间', 'reports.builtBy': '生成者', 'reports.files': '文件',
    'reports.none': '还没有报告', 'reports.schedule': '定时', 'reports.chart': '{title}：各单位办件量积分',
    'reports.unit': '单位', 'reports.rank': '名次', 'reports.points': '积分', 'reports.accepted': '受理', 'reports.onTime': '按期率',
    'reports.overdue': '超期', 'reports.complaints': '投诉', 'reports.conversion': 'R5 转换', 'reports.basis': '数据截至 {asOf}，办件 {cases} 件，投诉 {complaints} 件，评价 {ratings} 件，摘要 {digest}',
    'reports.show': '查看', 'reports.built': '已生成报告 {id}', 'reports.placeholder': '如 2026-11、2026-W48、2026-Q4',
  },
  en: {
    'reports.title': 'Publications and reports', 'reports.kind': 'Kind', 'reports.period': 'Period', 'reports.build': 'Build report',
    'reports.kind.WEEK': 'Weekly', 'reports.kind.MONTH': 'Monthly', 'reports.kind.QUARTER': 'Quarterly',
    'reports.list': 'Kept reports', 'reports.builtAt': 'Built at', 'reports.builtBy': 'Built by', 'reports.files': 'Files',
    'reports.none': 'No report yet', 'reports.schedule': 'schedule', 'reports.chart': '{title}: case-volume points per unit',
    'reports.unit': 'Unit', 'reports.rank': 'Rank', 'reports.points': 'Points', 'reports.accepted': 'Accepted', 'reports.onTime': 'On time',
    'reports.overdue': 'Overdue', 'reports.complaints': 'Complaints', 'reports.conversion': 'R5 conversion', 'reports.basis': 'As of {asOf}: {cases} cases, {complaints} complaints, {ratings} ratings, digest {digest}',
    'reports.show': 'Show', 'reports.built': 'Report {id} built', 'reports.placeholder': 'e.g. 2026-11, 2026-W48, 2026-Q4',
  },
};

const $ = (id) => document.getElementById(id);

function percent(v) {
  return v === undefined || v === null ? '—' : (v * 100).toFixed(1) + '%';
}

/** The part of the dashboard; say(text) shows a refusal. */
export function createReportBoard({ say }) {
  let summaries = [];
  let shown = null;
  let chart = null;

  async function load(pick) {
    try {
      summaries = (await api('/api/v1/reports?limit=20')).reports;
      drawList();
      const id = pick || (shown ? shown.id : summaries.length ? summaries[0].id : null);
      if (id) await show(id);
    } catch (e) {
      say(e.message);
    }
  }

  async function show(id) {
    shown = await api('/api/v1/reports/' + id);
    drawReport();
  }

  function drawList() {
    $('reports-empty').classList.toggle('hidden', summaries.length > 0);
    $('reports-table').classList.toggle('hidden', summaries.length === 0);
    $('reports-table').tBodies[0].replaceChildren(...summaries.map((s) => el('tr', { 'data-report': String(s.id) },
      el('td', {}, t('reports.kind.' + s.kind)),
      el('th', { scope: 'row', class: 'mono' }, s.period),
      el('td', {}, new Date(s.builtAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })),
      el('td', {}, s.scheduled ? t('reports.schedule') : s.builtBy),
      el('td', {}, el('a', { href: s.links.pdf, target: '_blank', rel: 'noopener' }, 'PDF'), ' ',
        el('a', { href: s.links.xlsx, download: '' }, 'XLSX'), ' ',
        el('button', { type: 'button', class: 'link', 'data-show': String(s.id) }, t('reports.show'))))));
  }

  function drawReport() {
    $('report-view').classList.toggle('hidden', !shown);
    if (!shown) return;
    const b = shown.basis;
    $('report-caption').textContent = t('reports.chart', { title: shown.title });
    $('report-basis').textContent = t('reports.basis', { asOf: new Date(b.asOf).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }),
      cases: b.cases, complaints: b.complaints, ratings: b.ratings, digest: b.digest.slice(0, 12) });
    const units = shown.units;
    $('report-units').tBodies[0].replaceChildren(...units.map((u) => el('tr', { 'data-unit': u.key },
      el('td', { class: 'num' }, String(u.rank)), el('th', { scope: 'row' }, u.name),
      el('td', { class: 'num', 'data-field': 'points' }, String(u.points)),
      el('td', { class: 'num', 'data-field': 'accepted' }, String(u.accepted)),
      el('td', { class: 'num', 'data-field': 'onTimeRate' }, percent(u.onTimeRate)),
      el('td', { class: 'num', 'data-field': 'overdue' }, String(u.overdue)),
      el('td', { class: 'num', 'data-field': 'complaints' }, String(u.complaints)),
      el('td', { 'data-field': 'conversionDue' }, u.conversionDue))));
    if (!window.echarts || !units.length) return; // the table carries the figures
    const font = { fontFamily: getComputedStyle(document.body).fontFamily, fontSize: 14 };
    chart = chart || window.echarts.init($('chart-report'), null, { renderer: 'canvas' });
    chart.setOption({
      textStyle: font, animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 60 },
      xAxis: { type: 'category', data: units.map((u) => u.name), axisLabel: { interval: 0, rotate: units.length > 8 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('reports.points'), type: 'bar', data: units.map((u) => u.points), itemStyle: { color: '#0b4f9c' },
          label: { show: true, position: 'top' } },
        { name: t('reports.accepted'), type: 'bar', data: units.map((u) => u.accepted), itemStyle: { color: '#1c8a3e' } },
        { name: t('reports.overdue'), type: 'bar', data: units.map((u) => u.overdue), itemStyle: { color: '#c62828' } },
      ],
    }, true);
    chart.resize();
  }

  async function build(ev) {
    ev.preventDefault();
    try {
      const r = await api('/api/v1/reports', { method: 'POST', body: { kind: $('report-kind').value, period: $('report-period').value.trim() } });
      say(''); // the list and the chart show the new report
      await load(r.id);
    } catch (e) {
      say(e.message);
    }
  }

  function start() {
    $('report-form').addEventListener('submit', build);
    $('reports-table').addEventListener('click', (ev) => {
      const id = ev.target.getAttribute && ev.target.getAttribute('data-show');
      if (id) show(id).catch((e) => say(e.message));
    });
    window.addEventListener('resize', () => { if (chart) chart.resize(); });
    load();
  }

  function draw() {
    drawList();
    drawReport();
  }

  return { start, draw };
}
