// Shared parts of the case pages (workstation, back office, console, dashboard, citizen status):
// the identity number's check digit, masking, texts of states, lights, steps and delivery
// methods, and the staff case event stream (GET /api/v1/cases/events, with the page session cookie).
import { el } from './common.js';
import { t } from './i18n.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** True when an 18-character identity number has the right GB 11643 check digit. */
export function idNumberValid(id) {
  const s = String(id || '').trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * WEIGHTS[i];
  return CHECK[sum % 11] === s[17];
}

/** The identity number as pages show it: the first three and last four characters, the rest starred. */
export function maskId(id) {
  const s = String(id || '').trim().toUpperCase();
  return s.length < 8 ? s : s.slice(0, 3) + '*'.repeat(s.length - 7) + s.slice(-4);
}

/** Texts every case page shares; merged into the page's dictionary. */
export const CASE_TEXT = {
  zh: {
    'case.ACCEPTED': '已受理', 'case.SPECIAL_STEPS': '特别程序', 'case.APPROVED': '准予许可', 'case.REJECTED': '不予许可',
    'case.RESULT_READY': '待送达', 'case.DELIVERED': '已送达', 'case.CLOSED': '已办结',
    'case.REFUSED_TO_ACCEPT': '不予受理', 'case.WITHDRAWN': '已撤回', 'case.TERMINATED': '终止办理',
    'light.GREEN': '正常', 'light.YELLOW': '预警', 'light.RED': '超期',
    'step.SITE_SURVEY': '现场勘验', 'step.HEARING': '听证', 'step.EXPERT_REVIEW': '专家评审', 'step.TECHNICAL_REVIEW': '技术审查', 'step.MAPPING': '测绘',
    'delivery.ISSUANCE_WINDOW': '窗口领取', 'delivery.PICKUP_LOCKER': '智能柜自取', 'delivery.MAIL': '免费邮寄',
    'alert.CASE_YELLOW': '黄灯预警', 'alert.CASE_RED': '红灯超期', 'alert.OFFICER_LATE': '人员未按时到岗', 'alert.CONVERSION_DUE': '应转为进驻',
    'alert.CORRECTED_RESULT': '办理结果已更正', 'alert.FEE_MISMATCH': '收费与标准不符',
    'alert.INCONSISTENT_STANDARD': '同一事项标准不一', 'alert.FOLLOW_UP_LATE': '差评回访超期', 'alert.COMPLAINT_LATE': '投诉处理超期',
    'alert.IRREGULARITY_COMPLAINT': '投诉反映违规',
    'alert.SUPPLY_OVERDUE': '容缺材料逾期未补', 'alert.CALENDAR_YEAR_MISSING': '下一年度工作日历未载入',
    'material.MAIN': '主要材料', 'material.TOLERABLE': '容缺材料',
    'clock.paused': '计时暂停中（{step}），特别程序时间不计入办理时限', 'clock.pausedDays': '特别程序已暂停 {n} 个工作日，承诺办结日已顺延',
    'clock.used': '已用 {used}/{committed} 个工作日',
  },
  en: {
    'case.ACCEPTED': 'Accepted', 'case.SPECIAL_STEPS': 'Special steps', 'case.APPROVED': 'Approved', 'case.REJECTED': 'Rejected',
    'case.RESULT_READY': 'Result ready', 'case.DELIVERED': 'Delivered', 'case.CLOSED': 'Closed',
    'case.REFUSED_TO_ACCEPT': 'Refused to accept', 'case.WITHDRAWN': 'Withdrawn', 'case.TERMINATED': 'Terminated',
    'light.GREEN': 'On time', 'light.YELLOW': 'Warning', 'light.RED': 'Overdue',
    'step.SITE_SURVEY': 'Site survey', 'step.HEARING': 'Hearing', 'step.EXPERT_REVIEW': 'Expert review', 'step.TECHNICAL_REVIEW': 'Technical review', 'step.MAPPING': 'Mapping',
    'delivery.ISSUANCE_WINDOW': 'Issuance window', 'delivery.PICKUP_LOCKER': 'Pickup locker', 'delivery.MAIL': 'Free mail',
    'alert.CASE_YELLOW': 'Yellow (time mostly used)', 'alert.CASE_RED': 'Red (overdue)', 'alert.OFFICER_LATE': 'Officer late', 'alert.CONVERSION_DUE': 'Conversion due',
    'alert.CORRECTED_RESULT': 'Result corrected', 'alert.FEE_MISMATCH': 'Fee does not match the rule',
    'alert.INCONSISTENT_STANDARD': 'Same matter, different standards', 'alert.FOLLOW_UP_LATE': 'Bad-rating follow-up late',
    'alert.COMPLAINT_LATE': 'Complaint late', 'alert.IRREGULARITY_COMPLAINT': 'Complaint about an irregularity',
    'alert.SUPPLY_OVERDUE': 'Tolerable material not supplied in time', 'alert.CALENDAR_YEAR_MISSING': 'Next year\'s calendar not loaded',
    'material.MAIN': 'Main materials', 'material.TOLERABLE': 'Tolerable materials',
    'clock.paused': 'Clock paused ({step}): special procedures do not count against the time limit',
    'clock.pausedDays': 'Paused {n} working days by special procedures; the due date moved on', 'clock.used': '{used}/{committed} working days used',
  },
};

/** Merges the shared case texts into a page dictionary. */
export function withCaseText(dict) {
  return { zh: { ...CASE_TEXT.zh, ...dict.zh }, en: { ...CASE_TEXT.en, ...dict.en } };
}

/** A coloured time light (GREEN, YELLOW, RED) with its word, so it is not told by colour alone. */
export function lightPill(light) {
  if (!light) return el('span', { class: 'light' }, '—');
  return el('span', { class: 'light light-' + light.toLowerCase(), 'data-light': light }, t('light.' + light));
}

/**
 * The legal clock of a case (R6, R10) as a line of text: paused now by which procedure, and the working days
 * special procedures paused it (from its timing); empty when it never stood still.
 */
export function clockLine(c) {
  const clock = c.clock || {};
  const timing = c.timing || {};
  const parts = [];
  if (clock.paused) parts.push(t('clock.paused', { step: t('step.' + clock.step) }));
  if (timing.pausedDays > 0) parts.push(t('clock.pausedDays', { n: timing.pausedDays }));
  return parts.join(' · ');
}

/** The clock line as an element carrying its state (data-paused, data-paused-days), empty when nothing was paused. */
export function clockBadge(c) {
  const text = clockLine(c);
  return el('span', { class: 'clock' + (c.clock && c.clock.paused ? ' paused' : ''), 'data-paused': String(!!(c.clock && c.clock.paused)),
    'data-paused-days': String((c.timing && c.timing.pausedDays) || 0) }, text);
}

/** A date-time of the API (ISO instant) as the hall's local date and time. */
export function when(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return d.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16);
}

export const CASE_EVENT_TYPES = ['ACCEPTED', 'MATERIALS_SUPPLIED', 'STEP_DONE', 'APPROVED', 'REJECTED', 'RESULT_READY', 'DELIVERED',
  'CLOSED', 'BUNDLE_ACCEPTED', 'BUNDLE_DELIVERED', 'OFFICER_CALLED', 'OFFICER_ARRIVED', 'OFFICER_LATE', 'RATED',
  'REFUSED_TO_ACCEPT', 'WITHDRAWN', 'TERMINATED', 'ALERT_CORRECTED_RESULT', 'ALERT_FEE_MISMATCH', 'STEP_STARTED', 'ALERT_SUPPLY_OVERDUE'];

/**
 * Follows the staff case event stream (page session cookie). Events are hints: onConnected(true)
 * is called on every (re)connection, when the page should fetch its lists again.
 */
export function followCases({ department = '', onEvent, onConnected }) {
  let source = null;
  let retry = null;
  let closed = false;
  function connect() {
    source = new EventSource('/api/v1/cases/events' + (department ? '?department=' + encodeURIComponent(department) : ''));
    source.onopen = () => onConnected(true);
    source.onerror = () => {
      onConnected(false);
      if (source.readyState === EventSource.CLOSED && !closed) {
        source.close();
        clearTimeout(retry);
        retry = setTimeout(connect, 3000);
      }
    };
    for (const type of CASE_EVENT_TYPES) {
      source.addEventListener(type, (m) => { try { onEvent(JSON.parse(m.data)); } catch (err) { /* not ours */ } });
    }
  }
  connect();
  return { close: () => { closed = true; clearTimeout(retry); if (source) source.close(); } };
}
