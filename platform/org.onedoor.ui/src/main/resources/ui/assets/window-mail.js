// Free mail delivery of a result (R13) and the 365 holiday service's mail by default (R14) on the
// workstation: the recipient, phone and postal address asked at acceptance (required for a case accepted
// on a public holiday) or at delivery, the carrier, and the applicant's request when a case to be mailed
// is handed over otherwise. The node keeps the address; the page shows it back masked, as the node sends it.
import { t } from './i18n.js';

export const MAIL_DICT = {
  zh: {
    'm.toMail': '结果免费邮寄（节假日受理的办件默认邮寄）', 'm.recipient': '收件人', 'm.phone': '收件人电话', 'm.province': '省',
    'm.city': '市', 'm.district': '区县', 'm.street': '详细地址', 'm.carrier': '承运方', 'carrier.EMS': '中国邮政EMS',
    'carrier.CHINA_POST_REGISTERED': '中国邮政挂号信', 'm.recorded': '受理时登记邮寄至：{line}（留空即寄往此地址）',
    'm.to': '寄至 {line}', 'm.asked': '申请人要求不邮寄的说明', 'm.byDefault': '此办件应免费邮寄；改为其他方式须登记申请人的要求',
    'problem.mail-address-required': '须登记收件人、电话和邮寄地址：节假日受理的办件结果免费邮寄（365服务）',
    'problem.mail-by-default': '此办件受理时登记了免费邮寄；改为窗口或智能柜领取，请填写申请人的要求',
  },
  en: {
    'm.toMail': 'Mail the result free (the default for a case accepted on a public holiday)', 'm.recipient': 'Recipient',
    'm.phone': 'Recipient\'s phone', 'm.province': 'Province', 'm.city': 'City', 'm.district': 'District', 'm.street': 'Street address',
    'm.carrier': 'Carrier', 'carrier.EMS': 'China Post EMS', 'carrier.CHINA_POST_REGISTERED': 'China Post registered letter',
    'm.recorded': 'Recorded at acceptance: {line} (leave empty to mail there)', 'm.to': 'to {line}',
    'm.asked': 'The applicant\'s request not to mail it', 'm.byDefault': 'This case is to be mailed; record the applicant\'s request to receive it otherwise',
    'problem.mail-address-required': 'The recipient, phone and postal address are required: a case accepted on a public holiday is mailed free',
    'problem.mail-by-default': 'The case was to be mailed: record the applicant\'s request to receive it at the window or a locker',
  },
};

const $ = (id) => document.getElementById(id);
const FIELDS = ['recipient', 'phone', 'province', 'city', 'district', 'street'];

/** @returns the address typed into the box with the id prefix, or null when every field is empty */
export function readMail(prefix) {
  const mail = {};
  for (const f of FIELDS) mail[f] = $(prefix + '-' + f).value.trim();
  return FIELDS.some((f) => mail[f]) ? mail : null;
}

/** Empties the box with the id prefix. */
export function clearMail(prefix) {
  for (const f of FIELDS) $(prefix + '-' + f).value = '';
}

/** @returns the masked address of a case's view on one line, as the node masks it */
export function mailLine(m) {
  if (!m) return '';
  return m.province + m.city + m.district + m.street + '（' + m.recipient + ' ' + m.phone + '）';
}

/** The delivery's mail part: carrier, the address (or the one of the acceptance) and the applicant's request. */
export function mailDelivery() {
  const body = { carrier: $('delivery-carrier').value };
  const typed = readMail('delivery-mail');
  if (typed) body.mail = typed;
  return body;
}

/** Shows or hides the delivery's mail fields for the method chosen and the case on the panel. */
export function drawMailDelivery(kase, method) {
  const toBeMailed = !!(kase && kase.deliveryPreference === 'MAIL');
  $('delivery-mail').classList.toggle('hidden', method !== 'MAIL');
  const recorded = kase && kase.mail && kase.mail.atAcceptance ? kase.mail : null;
  $('delivery-mail-recorded').textContent = recorded ? t('m.recorded', { line: mailLine(recorded) }) : '';
  $('delivery-mail-recorded').classList.toggle('hidden', !recorded);
  $('delivery-asked-label').classList.toggle('hidden', !toBeMailed || method === 'MAIL');
  $('delivery-by-default').classList.toggle('hidden', !toBeMailed || method === 'MAIL');
  $('delivery-by-default').textContent = t('m.byDefault');
}
