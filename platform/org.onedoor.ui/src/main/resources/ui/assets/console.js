// Operator console: zones (open/close with confirmation), devices (status, test, outbox),
// departments and matters (search), windows and who is signed in. Admins and operators change
// zones, admins and technicians test devices; technicians see devices only; viewers and
// supervisors read. Windows and queue counts follow the event stream; zones and devices refresh
// periodically and say when they last did. Admins, operators and supervisors also see the newest
// cases (console-cases.js).
import { api, confirmed, el, followQueue, HALL, hallPath, pageHall } from './common.js';
import { withCaseText } from './cases.js';
import { CONSOLE_CASE_DICT, createCasesTab } from './console-cases.js';
import { CONSOLE_COMPLAINT_DICT, createComplaintsTab } from './console-complaints.js';
import { CONSOLE_FOLLOWUP_DICT, createFollowUpsTab } from './console-followups.js';
import { CONSOLE_ROSTER_DICT, createRosterTab } from './console-roster.js';
import { CONSOLE_STAFF_DICT, createStaffTab } from './console-staff.js';
import { clockText, initI18n, lang, nameOf, onLanguage, t } from './i18n.js';
import { currentUser, holds, signIn, signOut, userText } from './session.js';

const DICT = {
  zh: {
    title: '运营控制台', signOut: '退出登录', noAccess: '此账号不能使用运营控制台（需要管理员、运营、技术或只读角色）',
    'signIn.title': '登录', 'signIn.user': '用户名', 'signIn.password': '密码', 'signIn.submit': '登录',
    'tab.zones': '区域', 'tab.devices': '设备', 'tab.catalog': '部门与事项', 'tab.windows': '窗口',
    'zones.title': '区域', 'zones.letter': '字母', 'zones.name': '区域', 'zones.floor': '楼层', 'zones.windows': '窗口',
    'zones.signedIn': '已签到', 'zones.waiting': '等候', 'zones.state': '状态', 'zones.since': '自',
    'zones.OPEN': '开放', 'zones.DISABLED': '已关闭', 'zones.disable': '关闭区域', 'zones.enable': '开放区域',
    'zones.confirmDisable': '确定关闭「{zone}」吗？关闭后不再取号，等候中的号仍可叫号办理。',
    'zones.confirmEnable': '确定开放「{zone}」吗？',
    'zones.disabled': '「{zone}」已关闭', 'zones.enabled': '「{zone}」已开放', 'zones.unchanged': '「{zone}」状态未变',
    'zones.floorN': '{n} 楼', 'zones.range': '{first}–{last}',
    'devices.title': '设备', 'devices.none': '本节点没有配置设备', 'devices.id': '设备', 'devices.kind': '类型',
    'devices.zone': '区域/窗口', 'devices.status': '状态', 'devices.detail': '详情', 'devices.pending': '待发送',
    'devices.since': '自', 'devices.test': '测试', 'devices.outbox': '发件箱', 'devices.tested': '已向 {id} 发送测试命令（#{seq}）',
    'status.UNKNOWN': '未知', 'status.ONLINE': '在线', 'status.OFFLINE': '离线', 'status.CONFIGURATION_ERROR': '配置错误',
    'status.DRIVER_MISSING': '缺少驱动',
    'detail.NONE': '—', 'detail.COMMUNICATION_ERROR': '通信故障', 'detail.DEVICE_ERROR': '设备故障',
    'detail.CONFIGURATION_ERROR': '配置错误', 'detail.DRIVER_MISSING': '缺少驱动',
    'kind.printer': '打印机', 'kind.led-display': 'LED 叫号屏', 'kind.locker': '智能柜',
    'outbox.title': '{id} 的发件箱（待发送 {pending}）', 'outbox.command': '命令', 'outbox.state': '状态',
    'outbox.attempts': '尝试', 'outbox.created': '创建', 'outbox.finished': '完成', 'outbox.note': '备注',
    'outbox.empty': '发件箱为空',
    'catalog.title': '部门与事项', 'catalog.search': '搜索事项', 'catalog.placeholder': '名称或编码，如 护照',
    'catalog.department': '部门', 'catalog.allDepartments': '全部部门', 'catalog.find': '查找',
    'catalog.total': '共 {n} 项', 'catalog.shown': '共 {n} 项，显示前 {shown} 项', 'catalog.code': '编码', 'catalog.matter': '事项',
    'catalog.committed': '承诺时限', 'catalog.features': '特点', 'catalog.departments': '部门', 'catalog.id': '编号',
    'catalog.unit': '单位', 'catalog.entry': '进驻方式', 'catalog.offered': '在厅事项', 'catalog.immediate': '即办',
    'catalog.days': '{n} 个工作日', 'catalog.online': '网上可办', 'catalog.none': '没有找到事项',
    'catalog.slot': '目录占位（待单位公布）',
    'entry.STAFF_AND_MATTERS': '事项和人员进驻', 'entry.MATTERS_ONLY': '事项进驻、人员不进驻',
    'windows.title': '窗口与签到人员', 'windows.none': '目前没有窗口签到', 'windows.window': '窗口', 'windows.zone': '区域',
    'windows.clerk': '签到人员', 'windows.since': '签到时间', 'windows.state': '状态', 'windows.current': '当前号',
    'windows.paused': '暂停', 'windows.open': '服务中', 'windows.idle': '空闲', 'windows.windowN': '{n}号窗口',
    close: '关闭', cancel: '取消', confirm: '确定',
  },
  en: {
    title: 'Operator console', signOut: 'Sign out', noAccess: 'This account may not use the console (it needs the admin, operator, technician or viewer role)',
    'signIn.title': 'Sign in', 'signIn.user': 'User name', 'signIn.password': 'Password', 'signIn.submit': 'Sign in',
    'tab.zones': 'Zones', 'tab.devices': 'Devices', 'tab.catalog': 'Departments & matters', 'tab.windows': 'Windows',
    'zones.title': 'Zones', 'zones.letter': 'Letter', 'zones.name': 'Zone', 'zones.floor': 'Floor', 'zones.windows': 'Windows',
    'zones.signedIn': 'Signed in', 'zones.waiting': 'Waiting', 'zones.state': 'State', 'zones.since': 'Since',
    'zones.OPEN': 'Open', 'zones.DISABLED': 'Closed', 'zones.disable': 'Close zone', 'zones.enable': 'Open zone',
    'zones.confirmDisable': 'Close "{zone}"? No new tickets are issued; waiting tickets can still be called and served.',
    'zones.confirmEnable': 'Open "{zone}"?',
    'zones.disabled': '"{zone}" is closed', 'zones.enabled': '"{zone}" is open', 'zones.unchanged': '"{zone}" was already so',
    'zones.floorN': 'floor {n}', 'zones.range': '{first}–{last}',
    'devices.title': 'Devices', 'devices.none': 'No device is configured on this node', 'devices.id': 'Device', 'devices.kind': 'Kind',
    'devices.zone': 'Zone/windows', 'devices.status': 'Status', 'devices.detail': 'Detail', 'devices.pending': 'Pending',
    'devices.since': 'Since', 'devices.test': 'Test', 'devices.outbox': 'Outbox', 'devices.tested': 'Test command sent to {id} (#{seq})',
    'status.UNKNOWN': 'Unknown', 'status.ONLINE': 'Online', 'status.OFFLINE': 'Offline', 'status.CONFIGURATION_ERROR': 'Configuration error',
    'status.DRIVER_MISSING': 'Driver missing',
    'detail.NONE': '—', 'detail.COMMUNICATION_ERROR': 'Communication error', 'detail.DEVICE_ERROR': 'Device error',
    'detail.CONFIGURATION_ERROR': 'Configuration error', 'detail.DRIVER_MISSING': 'Driver missing',
    'kind.printer': 'Printer', 'kind.led-display': 'LED caller display', 'kind.locker': 'Pickup locker',
    'outbox.title': 'Outbox of {id} ({pending} pending)', 'outbox.command': 'Command', 'outbox.state': 'State',
    'outbox.attempts': 'Attempts', 'outbox.created': 'Created', 'outbox.finished': 'Finished', 'outbox.note': 'Note',
    'outbox.empty': 'The outbox is empty',
    'catalog.title': 'Departments & matters', 'catalog.search': 'Search matters', 'catalog.placeholder': 'name or code, e.g. passport',
    'catalog.department': 'Department', 'catalog.allDepartments': 'All departments', 'catalog.find': 'Find',
    'catalog.total': '{n} matters', 'catalog.shown': '{n} matters, first {shown} shown', 'catalog.code': 'Code', 'catalog.matter': 'Matter',
    'catalog.committed': 'Committed limit', 'catalog.features': 'Features', 'catalog.departments': 'Departments', 'catalog.id': 'Id',
    'catalog.unit': 'Unit', 'catalog.entry': 'Entry mode', 'catalog.offered': 'Matters offered', 'catalog.immediate': 'On the spot',
    'catalog.days': '{n} working days', 'catalog.online': 'Online', 'catalog.none': 'No matter found',
    'catalog.slot': 'Catalog slot (not yet published by the unit)',
    'entry.STAFF_AND_MATTERS': 'Matters and staff in the hall', 'entry.MATTERS_ONLY': 'Matters only, staff called in',
    'windows.title': 'Windows and who is signed in', 'windows.none': 'No window is signed in', 'windows.window': 'Window', 'windows.zone': 'Zone',
    'windows.clerk': 'Signed in', 'windows.since': 'Since', 'windows.state': 'State', 'windows.current': 'Current ticket',
    'windows.paused': 'Paused', 'windows.open': 'Serving', 'windows.idle': 'Idle', 'windows.windowN': 'Window {n}',
    close: 'Close', cancel: 'Cancel', confirm: 'Confirm',
  },
};

const CONSOLE_ROLES = ['admin', 'operator', 'technician', 'viewer', 'supervisor'];
// The console's sections; a section is listed for the roles that may see it. Sections for later
// APIs (cases) join this list when their API exists.
const SECTIONS = [
  { id: 'zones', roles: ['admin', 'operator', 'viewer', 'supervisor'] },
  { id: 'devices', roles: ['admin', 'operator', 'technician', 'viewer', 'supervisor'] },
  { id: 'catalog', roles: ['admin', 'operator', 'viewer', 'supervisor'] },
  { id: 'windows', roles: ['admin', 'operator', 'viewer', 'supervisor'] },
  { id: 'cases', roles: ['admin', 'operator', 'supervisor'] }, // the console's roles that may read cases
  { id: 'complaints', roles: ['admin', 'operator', 'supervisor'] }, // the hall's staff who follow complaints up (R20)
  { id: 'followups', roles: ['admin', 'operator', 'supervisor'] }, // the hall's side of bad ratings' follow-up (R18)
  { id: 'staff', roles: ['admin', 'operator', 'supervisor'] }, // the staff registry: forms awaiting the hall, training (R15, R16)
  { id: 'roster', roles: ['admin', 'operator', 'supervisor'] }, // who sits at which window on a day, by name plate (R17)
];
const ZONES_EVERY_MS = 10000;
const DEVICES_EVERY_MS = 5000;

const $ = (id) => document.getElementById(id);
let user = null;
let zoneList = [];
let snapshot = null;
let deviceList = [];
let departmentList = [];
let matterAnswer = null;
let current = '';
let openOutbox = '';
let zonesDrawn = '';
let devicesDrawn = '';
const updated = {};
const timers = [];
const casesTab = createCasesTab({ say: (text, isError) => say(text, isError) });
const complaintsTab = createComplaintsTab({ say: (text, isError) => say(text, isError) });
const followUpsTab = createFollowUpsTab({ say: (text, isError) => say(text, isError) });
let staffTab = null;
const rosterTab = createRosterTab({ say: (text, isError) => say(text, isError), confirmed: (text) => confirmed(text) });

function say(text, isError) {
  $('message').textContent = isError ? text : '';
  $('info').textContent = isError ? '' : text;
}

function time(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  const today = new Date();
  const sameDay = d.toDateString() === today.toDateString();
  return sameDay ? clockText(d) : d.toLocaleString(lang() === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
}

function stamp(section) {
  updated[section] = new Date();
  showStamp(section);
}

function showStamp(section) {
  const e = $(section + '-updated');
  if (e && updated[section]) e.textContent = t('updatedAt', { time: clockText(updated[section]) });
}

// ---- navigation ---------------------------------------------------------------------------

function visibleSections() {
  return SECTIONS.filter((s) => holds(user, ...s.roles));
}

function drawTabs() {
  $('tabs').replaceChildren(...visibleSections().map((s) => el('button', {
    type: 'button', role: 'tab', class: 'tab' + (s.id === current ? ' active' : ''), 'data-tab': s.id,
    'aria-selected': s.id === current ? 'true' : 'false', onclick: () => showSection(s.id),
  }, t('tab.' + s.id))));
}

function showSection(id) {
  current = id;
  SECTIONS.forEach((s) => $('sec-' + s.id).classList.toggle('hidden', s.id !== id));
  drawTabs();
  say('', false);
  if (id === 'catalog' && !departmentList.length) loadCatalog();
}

// ---- zones --------------------------------------------------------------------------------

async function loadZones() {
  try {
    zoneList = (await api(hallPath('zones') + '?state=all')).zones;
    stamp('zones');
    drawZones();
  } catch (e) {
    say(e.message, true);
  }
}

function drawZones() {
  // zone features switch the default hall's zones; another hall's zones open and close with its configuration
  const mayChange = holds(user, 'admin', 'operator') && (!HALL || HALL === 'zhumadian');
  const waiting = {};
  const signedIn = {};
  if (snapshot) {
    snapshot.waiting.forEach((w) => { waiting[w.zoneId] = (waiting[w.zoneId] || 0) + 1; });
    snapshot.windows.forEach((w) => { signedIn[w.zoneId] = (signedIn[w.zoneId] || 0) + 1; });
  }
  document.querySelectorAll('#zones-table .op-only').forEach((c) => c.classList.toggle('hidden', !mayChange));
  const drawn = JSON.stringify([lang(), zoneList, waiting, signedIn, mayChange]);
  if (drawn === zonesDrawn) return; // unchanged: keep the rows (and a button about to be pressed)
  zonesDrawn = drawn;
  $('zones-table').tBodies[0].replaceChildren(...zoneList.map((z) => {
    const open = z.state === 'OPEN';
    return el('tr', { 'data-zone': z.id, class: open ? '' : 'closed' },
      el('td', { class: 'letter' }, z.letter),
      el('td', {}, nameOf(z)),
      el('td', {}, t('zones.floorN', { n: z.floor })),
      el('td', {}, z.firstWindow ? t('zones.range', { first: z.firstWindow, last: z.lastWindow }) + ' (' + z.windowCount + ')' : '—'),
      el('td', { class: 'num' }, String(signedIn[z.id] || 0)),
      el('td', { class: 'num' }, String(waiting[z.id] || 0)),
      el('td', { class: 'state' }, el('span', { class: 'pill ' + (open ? 'ok' : 'bad') }, t('zones.' + z.state))),
      el('td', {}, time(z.since)),
      mayChange ? el('td', {}, el('button', {
        type: 'button', class: 'action small ' + (open ? 'warn' : 'ok'), 'data-action': open ? 'disable' : 'enable',
        onclick: () => switchZone(z, !open),
      }, t(open ? 'zones.disable' : 'zones.enable'))) : null);
  }));
}

async function switchZone(zone, enable) {
  const name = nameOf(zone);
  if (!(await confirmed(t(enable ? 'zones.confirmEnable' : 'zones.confirmDisable', { zone: name })))) return;
  try {
    const r = await api('/api/v1/zones/' + encodeURIComponent(zone.id) + '/' + (enable ? 'enable' : 'disable'), { method: 'POST' });
    say(t(!r.changed ? 'zones.unchanged' : (enable ? 'zones.enabled' : 'zones.disabled'), { zone: name }), false);
  } catch (e) {
    say(e.message, true);
  }
  await loadZones();
}

// ---- devices ------------------------------------------------------------------------------

async function loadDevices() {
  try {
    deviceList = (await api('/api/v1/devices')).devices;
    stamp('devices');
    drawDevices();
    if (openOutbox) loadOutbox(openOutbox);
  } catch (e) {
    say(e.message, true);
  }
}

function statusClass(s) {
  return s === 'ONLINE' ? 'ok' : s === 'UNKNOWN' ? 'mid' : 'bad';
}

function drawDevices() {
  const technician = holds(user, 'admin', 'technician');
  $('devices-empty').classList.toggle('hidden', deviceList.length > 0);
  $('devices-table').classList.toggle('hidden', deviceList.length === 0);
  const drawn = JSON.stringify([lang(), deviceList, technician, zoneList.length]);
  if (drawn === devicesDrawn) return; // unchanged: keep the rows (and a button about to be pressed)
  devicesDrawn = drawn;
  $('devices-table').tBodies[0].replaceChildren(...deviceList.map((d) => el('tr', { 'data-device': d.id },
    el('td', { class: 'mono' }, d.id),
    el('td', {}, d.kind ? t('kind.' + d.kind) : '—'),
    el('td', {}, [d.zone ? nameOf(zoneList.find((z) => z.id === d.zone)) || d.zone : '', (d.windows || []).join(', ')].filter(Boolean).join(' · ') || '—'),
    el('td', {}, el('span', { class: 'pill ' + statusClass(d.status) }, t('status.' + d.status))),
    el('td', {}, [t('detail.' + d.detail), d.message].filter((x) => x && x !== '—').join('：') || '—',
      d.children ? el('div', { class: 'muted small' }, Object.entries(d.children).map(([k, v]) => k + ' ' + v).join(' · ')) : null),
    el('td', { class: 'num' }, String(d.pending)),
    el('td', {}, time(d.since)),
    el('td', { class: 'buttons' }, technician ? [
      el('button', { type: 'button', class: 'action small', 'data-action': 'test', onclick: () => testDevice(d.id) }, t('devices.test')),
      el('button', { type: 'button', class: 'action small', 'data-action': 'outbox', onclick: () => loadOutbox(d.id) }, t('devices.outbox')),
    ] : null))));
}

async function testDevice(id) {
  try {
    const entry = await api('/api/v1/devices/' + encodeURIComponent(id) + '/test', { method: 'POST' });
    say(t('devices.tested', { id, seq: entry.sequence }), false);
    await loadDevices();
  } catch (e) {
    say(e.message, true);
  }
}

async function loadOutbox(id) {
  try {
    const box = await api('/api/v1/devices/' + encodeURIComponent(id) + '/outbox?limit=20');
    openOutbox = id;
    $('outbox').classList.remove('hidden');
    $('outbox-title').textContent = t('outbox.title', { id, pending: box.pending });
    const rows = box.entries.map((e) => el('tr', {},
      el('td', { class: 'num' }, String(e.sequence)), el('td', {}, e.summary || e.command),
      el('td', {}, e.state), el('td', { class: 'num' }, String(e.attempts)), el('td', {}, time(e.createdAt)),
      el('td', {}, time(e.finishedAt)), el('td', {}, e.note || '')));
    $('outbox-table').tBodies[0].replaceChildren(...(rows.length ? rows
      : [el('tr', {}, el('td', { colspan: '7', class: 'muted' }, t('outbox.empty')))]));
  } catch (e) {
    say(e.message, true);
  }
}

// ---- departments and matters -------------------------------------------------------------

async function loadCatalog() {
  try {
    departmentList = (await api('/api/v1/departments')).departments;
    drawDepartments();
    await findMatters();
  } catch (e) {
    say(e.message, true);
  }
}

function drawDepartments() {
  const chosen = $('matter-dept').value;
  $('matter-dept').replaceChildren(el('option', { value: '' }, t('catalog.allDepartments')),
    ...departmentList.map((d) => el('option', { value: d.id }, d.id + ' ' + nameOf(d))));
  $('matter-dept').value = chosen;
  $('departments-table').tBodies[0].replaceChildren(...departmentList.map((d) => el('tr', {
    'data-department': d.id, class: 'clickable', onclick: () => { $('matter-dept').value = d.id; findMatters(); },
  }, el('td', { class: 'mono' }, d.id), el('td', {}, nameOf(d)), el('td', {}, t('entry.' + d.entryMode)),
  el('td', { class: 'num' }, String(d.offeredMatters)))));
}

async function findMatters() {
  const q = $('matter-q').value.trim();
  const dept = $('matter-dept').value;
  const params = new URLSearchParams({ limit: '50' });
  if (q) params.set('q', q);
  if (dept) params.set('department', dept);
  try {
    matterAnswer = await api('/api/v1/matters?' + params);
    drawMatters();
  } catch (e) {
    say(e.message, true);
  }
}

function drawMatters() {
  if (!matterAnswer) return;
  const a = matterAnswer;
  $('matter-total').textContent = a.total > a.matters.length ? t('catalog.shown', { n: a.total, shown: a.matters.length })
    : t('catalog.total', { n: a.total });
  const byId = Object.fromEntries(departmentList.map((d) => [d.id, d]));
  const rows = a.matters.map((m) => el('tr', { 'data-matter': m.code },
    el('td', { class: 'mono' }, m.code), el('td', {}, nameOf(m)), el('td', {}, nameOf(byId[m.departmentId]) || m.departmentId),
    el('td', {}, m.slot ? '—' : m.immediate ? t('catalog.immediate') : t('catalog.days', { n: m.committedDays })),
    el('td', {}, m.slot ? el('span', { class: 'pill mid', 'data-slot': 'true' }, t('catalog.slot'))
      : m.online ? t('catalog.online') : '')));
  $('matters-table').tBodies[0].replaceChildren(...(rows.length ? rows
    : [el('tr', {}, el('td', { colspan: '5', class: 'muted' }, t('catalog.none')))]));
}

// ---- windows ------------------------------------------------------------------------------

function drawWindows() {
  if (!snapshot) return;
  const zones = Object.fromEntries(zoneList.map((z) => [z.id, z]));
  const list = snapshot.windows;
  $('windows-empty').classList.toggle('hidden', list.length > 0);
  $('windows-table').classList.toggle('hidden', list.length === 0);
  $('windows-table').tBodies[0].replaceChildren(...list.map((w) => el('tr', { 'data-window': w.window },
    el('td', { class: 'num' }, t('windows.windowN', { n: w.window })),
    el('td', {}, nameOf(zones[w.zoneId]) || w.zoneId),
    el('td', { class: 'clerk' }, w.clerk),
    el('td', {}, time(w.signedInAt)),
    el('td', {}, el('span', { class: 'pill ' + (w.paused ? 'mid' : 'ok') }, t(w.paused ? 'windows.paused' : 'windows.open'))),
    el('td', {}, w.current ? w.current.number + ' · ' + t('status.' + w.current.status) : t('windows.idle')))));
}

function followWindows() {
  let again = null;
  const stream = followQueue({
    zone: '',
    onConnected: (up) => $('offline').classList.toggle('hidden', up),
    onSnapshot: (snap) => {
      snapshot = snap;
      stamp('windows');
      drawWindows();
      drawZones();
    },
    onEvent: () => {
      clearTimeout(again); // a burst of events: one snapshot after it
      again = setTimeout(() => stream.resync(), 300);
    },
  });
}

// ---- start --------------------------------------------------------------------------------

async function start(u) {
  user = u;
  $('who').textContent = userText(u);
  $('sign-out').classList.remove('hidden');
  $('signin').classList.add('hidden');
  if (!holds(u, ...CONSOLE_ROLES)) {
    $('no-access').classList.remove('hidden');
    return;
  }
  $('console').classList.remove('hidden');
  const sections = visibleSections();
  showSection(sections[0].id);
  const sees = (id) => sections.some((s) => s.id === id);
  if (sees('zones') || sees('devices')) {
    await loadZones();
    timers.push(setInterval(loadZones, ZONES_EVERY_MS));
  }
  if (sees('devices')) {
    await loadDevices();
    timers.push(setInterval(loadDevices, DEVICES_EVERY_MS));
  }
  if (sees('windows')) followWindows();
  if (sees('cases')) casesTab.start();
  if (sees('complaints')) complaintsTab.start();
  if (sees('followups')) followUpsTab.start();
  if (sees('staff')) {
    staffTab = createStaffTab({ say: (text, isError) => say(text, isError), user: u });
    staffTab.start();
  }
  if (sees('roster')) rosterTab.start();
}

$('signin').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  try {
    const u = await signIn($('user').value.trim(), $('password').value);
    $('password').value = '';
    say('', false);
    await start(u);
  } catch (e) {
    say(e.message, true);
  }
});
$('sign-out').addEventListener('click', async () => {
  await signOut();
  location.reload();
});
$('matter-search').addEventListener('submit', (ev) => { ev.preventDefault(); findMatters(); });
$('matter-dept').addEventListener('change', findMatters);
$('outbox-close').addEventListener('click', () => { openOutbox = ''; $('outbox').classList.add('hidden'); });

initI18n(withCaseText({ zh: { ...DICT.zh, ...CONSOLE_CASE_DICT.zh, ...CONSOLE_COMPLAINT_DICT.zh, ...CONSOLE_FOLLOWUP_DICT.zh, ...CONSOLE_STAFF_DICT.zh, ...CONSOLE_ROSTER_DICT.zh },
  en: { ...DICT.en, ...CONSOLE_CASE_DICT.en, ...CONSOLE_COMPLAINT_DICT.en, ...CONSOLE_FOLLOWUP_DICT.en, ...CONSOLE_STAFF_DICT.en, ...CONSOLE_ROSTER_DICT.en } }));
onLanguage(() => {
  if (!user) return;
  if (visibleSections().some((s) => s.id === 'cases')) casesTab.draw();
  if (visibleSections().some((s) => s.id === 'complaints')) complaintsTab.draw();
  if (visibleSections().some((s) => s.id === 'followups')) followUpsTab.draw();
  if (staffTab) staffTab.draw();
  if (visibleSections().some((s) => s.id === 'roster')) rosterTab.draw();
  drawTabs();
  drawZones();
  drawDevices();
  if (departmentList.length) { drawDepartments(); drawMatters(); }
  drawWindows();
  Object.keys(updated).forEach(showStamp);
  if (openOutbox) loadOutbox(openOutbox);
});
pageHall().then(() => currentUser(), () => undefined).then((u) => {
  if (u === undefined) return; // an unknown hall: the page says so
  if (u) start(u);
  else $('signin').classList.remove('hidden');
});
