// The pages' two languages: Simplified Chinese (default) and English, chosen with a visible
// 中文/English toggle and remembered in localStorage. Texts come from a shared dictionary and
// each page's own; elements name their text with data-i18n="key" (data-i18n-placeholder,
// data-i18n-title, data-i18n-aria for attributes).

const KEY = 'onedoor.lang';
const SHARED = {
  zh: {
    'lang.switch': 'English',
    'lang.switchLabel': 'Switch to English',
    'status.WAITING': '等候中',
    'status.CALLED': '已叫号，请到窗口',
    'status.SERVING': '正在办理',
    'status.DONE': '已办结',
    'status.NO_SHOW': '已过号',
    'green.ELDERLY': '老年人',
    'green.DISABLED': '残疾人',
    'green.MILITARY': '军人',
    'green.PREGNANT': '孕妇',
    'offline': '连接已断开，正在重新连接…',
    'updatedAt': '更新于 {time}',
    'network': '网络异常，请重试',
    'problem.zone-closed': '该区域暂停取号',
    'problem.unknown-zone': '没有这个区域',
    'problem.unknown-hall': '没有这个大厅',
    'problem.unknown-window': '没有这个窗口',
    'problem.window-not-signed-in': '窗口尚未签到',
    'problem.window-busy': '窗口当前有号，请先办结、过号或转移',
    'problem.window-paused': '窗口已暂停',
    'problem.window-serving': '正在办理中',
    'problem.no-current-ticket': '窗口当前没有号',
    'problem.wrong-ticket-state': '当前号的状态不允许此操作',
    'problem.unknown-ticket': '没有找到这张票',
    'problem.unauthorized': '用户名或密码错误',
    'problem.unauthenticated': '未登录，或用户名、密码错误',
    'problem.login-failed': '用户名或密码错误',
    'problem.login-throttled': '登录失败次数过多，请稍后再试',
    'problem.rate-limited': '请求过于频繁，请稍后再试',
    'problem.forbidden': '没有权限',
    'problem.csrf-token-invalid': '登录已失效，请重新登录',
    'problem.zone-switch-failed': '区域切换失败',
    'problem.unknown-device': '没有这个设备',
    'problem.unknown-appointment': '没有找到这个预约号，请核对后重新输入',
    'problem.appointment-used': '这个预约号已经取过号了',
    'problem.appointment-not-today': '这个预约不是今天的',
    'problem.slot-full': '该时段已约满，请选择其他时段',
    'problem.invalid-day': '只能预约今后的工作日',
    'problem.invalid-slot': '没有这个时段',
    'problem.unknown-booking': '预约码或手机号不对，请核对',
    'problem.booking-closed': '这个预约已取消、已签到或已过期，不能再更改',
    'problem.too-many-bookings': '此手机号未使用的预约已达上限，请先取消或使用一个',
    'problem.booking-suspended': '此手机号多次预约未到，暂停预约',
  },
  en: {
    'lang.switch': '中文',
    'lang.switchLabel': '切换到中文',
    'status.WAITING': 'Waiting',
    'status.CALLED': 'Called, please go to the window',
    'status.SERVING': 'Being served',
    'status.DONE': 'Done',
    'status.NO_SHOW': 'Missed',
    'green.ELDERLY': 'Elderly',
    'green.DISABLED': 'Disabled',
    'green.MILITARY': 'Military',
    'green.PREGNANT': 'Pregnant',
    'offline': 'Connection lost, reconnecting…',
    'updatedAt': 'updated at {time}',
    'network': 'Network problem, please try again',
    'problem.zone-closed': 'This zone is not issuing tickets now',
    'problem.unknown-zone': 'No such zone',
    'problem.unknown-hall': 'No such hall',
    'problem.unknown-window': 'No such window',
    'problem.window-not-signed-in': 'Nobody is signed in at this window',
    'problem.window-busy': 'The window has a ticket: complete it, mark it missed or transfer it first',
    'problem.window-paused': 'The window is paused',
    'problem.window-serving': 'A ticket is being served',
    'problem.no-current-ticket': 'The window has no ticket',
    'problem.wrong-ticket-state': 'The current ticket does not allow this now',
    'problem.unknown-ticket': 'Ticket not found',
    'problem.unauthorized': 'Wrong user name or password',
    'problem.unauthenticated': 'Not signed in, or wrong user name or password',
    'problem.login-failed': 'Wrong user name or password',
    'problem.login-throttled': 'Too many failed sign-ins, try again later',
    'problem.rate-limited': 'Too many requests, try again later',
    'problem.forbidden': 'Not allowed',
    'problem.csrf-token-invalid': 'Your session has expired, please sign in again',
    'problem.zone-switch-failed': 'The zone could not be switched',
    'problem.unknown-device': 'No such device',
    'problem.unknown-appointment': 'Appointment code not found, please check it and enter it again',
    'problem.appointment-used': 'This appointment has already been checked in',
    'problem.appointment-not-today': 'This appointment is not for today',
    'problem.slot-full': 'This time slot is fully booked, please choose another',
    'problem.invalid-day': 'Appointments are for coming working days only',
    'problem.invalid-slot': 'No such time slot',
    'problem.unknown-booking': 'Booking code or phone number is wrong, please check them',
    'problem.booking-closed': 'This booking is cancelled, checked in or past and cannot be changed',
    'problem.too-many-bookings': 'This phone number holds as many open bookings as allowed; cancel or use one first',
    'problem.booking-suspended': 'This phone number missed several bookings; booking is suspended for a while',
  },
};

let pageDict = { zh: {}, en: {} };
let ready = false;
const listeners = [];

/** The current language: 'zh' (default) or 'en'. */
export function lang() {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh';
  } catch (e) {
    return 'zh';
  }
}

/** The text of a key in the current language (Chinese when missing), with {name} replaced from vars. */
export function t(key, vars = {}) {
  const l = lang();
  let s = (pageDict[l] && pageDict[l][key]) ?? SHARED[l][key] ?? pageDict.zh[key] ?? SHARED.zh[key] ?? key;
  for (const [k, v] of Object.entries(vars)) s = s.split('{' + k + '}').join(String(v));
  return s;
}

/** True when the key has a text in some dictionary. */
export function has(key) {
  return key in SHARED.zh || key in pageDict.zh;
}

/** The name of a zone, unit or matter in the current language (nameEn falls back to nameZh). */
export function nameOf(x) {
  if (!x) return '';
  return lang() === 'en' && x.nameEn ? x.nameEn : x.nameZh;
}

/** Formats a clock time hh:mm:ss. */
export function clockText(d = new Date()) {
  return d.toLocaleTimeString(lang() === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
}

/** Calls fn after every language change (to redraw texts built by scripts), and at once when the page is set up. */
export function onLanguage(fn) {
  listeners.push(fn);
  if (ready) fn(lang());
}

function apply() {
  const l = lang();
  document.documentElement.lang = l === 'en' ? 'en' : 'zh-CN';
  document.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t(e.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach((e) => { e.placeholder = t(e.dataset.i18nPlaceholder); });
  document.querySelectorAll('[data-i18n-title]').forEach((e) => { e.title = t(e.dataset.i18nTitle); });
  document.querySelectorAll('[data-i18n-aria]').forEach((e) => { e.setAttribute('aria-label', t(e.dataset.i18nAria)); });
  const titleKey = document.querySelector('title') && document.querySelector('title').dataset.i18n;
  if (titleKey) document.title = t(titleKey);
  const toggle = document.getElementById('lang-toggle');
  if (toggle) {
    toggle.textContent = t('lang.switch');
    toggle.setAttribute('aria-label', t('lang.switchLabel'));
    toggle.lang = l === 'en' ? 'zh-CN' : 'en';
  }
  listeners.forEach((fn) => fn(l));
}

/** Switches to a language, remembers it and redraws. */
export function setLang(l) {
  try {
    localStorage.setItem(KEY, l === 'en' ? 'en' : 'zh');
  } catch (e) {
    // private mode: the choice lasts for this page only
  }
  apply();
}

/**
 * Sets up a page: its dictionary ({zh: {...}, en: {...}}), the toggle button (placed in the
 * header bar, or where an element with id lang-slot stands), and the first drawing.
 */
export function initI18n(dict) {
  pageDict = { zh: dict.zh || {}, en: dict.en || {} };
  if (!document.getElementById('lang-toggle')) {
    const b = document.createElement('button');
    b.id = 'lang-toggle';
    b.type = 'button';
    b.className = 'lang-toggle';
    b.addEventListener('click', () => setLang(lang() === 'en' ? 'zh' : 'en'));
    const slot = document.getElementById('lang-slot') || document.querySelector('header.bar');
    if (slot) slot.append(b);
    else document.body.prepend(b);
  }
  ready = true;
  apply();
}
