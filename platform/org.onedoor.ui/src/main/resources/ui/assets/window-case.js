// The workstation's case panel: open a case for the ticket called at the window (matter of the
// window's zone, applicant, materials checklist), show the receipt with the check code once, supply
// missing materials, sign off when the clerk holds an authorization letter, follow the back-office
// result live, deliver and close.
import { api, el, HALL, hallPath, idempotencyKey } from './common.js';
import { clockBadge, followCases, idNumberValid, lightPill, maskId } from './cases.js';
import { nameOf, t } from './i18n.js';
import { createFilesPanel } from './window-files.js';
import { createRulesPanel } from './window-rules.js';
import { createBundlePanel } from './window-bundle.js';
import { clearMail, drawMailDelivery, mailDelivery, mailLine, readMail } from './window-mail.js';

export const CASE_DICT = {
  zh: {
    'c.title': '受理办件', 'c.new': '新办件', 'c.matter': '事项', 'c.matterHint': '输入事项名称或编码', 'c.search': '查找',
    'c.name': '申请人姓名', 'c.id': '证件号码', 'c.edit': '修改', 'c.accept': '受理', 'c.number': '办件编号', 'c.state': '状态',
    'c.deadline': '承诺办结', 'c.applicant': '申请人', 'c.receipt': '受理回执（请交给申请人）', 'c.checkCode': '查询码',
    'c.receiptNote': '凭办件编号和查询码在手机上查询进度；查询码只显示这一次。', 'c.print': '打印回执', 'c.notices': '打印通知书',
    'notice.acceptance': '受理通知书', 'notice.correction': '补正告知书', 'notice.result': '办理结果通知书',
    'c.missing': '容缺受理，待补材料：', 'c.supplyBy': '补齐期限', 'c.supply': '补交所选材料', 'c.signOff': '当场签批（准予）',
    'c.resultReady': '结果就绪', 'c.deliveryMethod': '送达方式', 'c.deliveryDetail': '说明', 'c.tracking': '快递单号',
    'c.deliver': '送达', 'c.close': '办结归档', 'c.idInvalid': '身份证号校验位不对，请核对', 'c.noMatter': '本区域没有找到相关事项',
    'c.accepted': '已受理 {number}', 'c.acceptedTolerance': '已容缺受理 {number}：请在 {day} 前补齐 {materials}',
    'c.supplied': '材料已补齐', 'c.signedOff': '已当场签批', 'c.signOffRefused': '不能当场签批：', 'c.approved': '准予许可',
    'c.rejected': '不予许可：{reason}', 'c.resultIsReady': '结果已就绪，可送达', 'c.delivered': '已送达：{method}',
    'c.pickupCode': '取件码 {code}', 'c.trackingNo': '快递单号 {no}', 'c.closed': '已办结归档', 'c.askRating': '请评价',
    'c.ratingAsked': '已请群众在 {window} 号窗口评价器上评价（{minutes} 分钟内有效）', 'c.live': '办件实时更新',
    'c.liveLost': '办件更新连接中断，正在重连…', 'c.decided': '后台已审批：{state}', 'c.main': '主要', 'c.tolerable': '容缺',
    'c.window': '{n}号窗口', 'c.pending': '特别程序：{steps}',
    'c.kind': '申请人类型', 'c.kind.PERSON': '自然人', 'c.kind.LEGAL_PERSON': '法人或其他组织', 'c.creditCode': '统一社会信用代码',
    'c.representative': '法定代表人', 'c.docKind': '证件类型', 'c.nationality': '国籍', 'c.agent': '代办（代理人持授权委托书）',
    'c.agentName': '代办人姓名', 'c.agentId': '证件号码', 'c.agentPhone': '联系电话', 'c.poa': '授权委托书编号', 'c.poaDate': '签署日期',
    'c.refuse': '不予受理', 'c.refuseReason': '不予受理的理由', 'c.refused': '已不予受理 {number}：{reason}', 'c.withdraw': '申请人撤回',
    'c.withdrawn': '申请人已撤回 {number}', 'c.ended': '{state}：{reason}', 'notice.refusal': '不予受理通知书',
    'c.agentOf': '代办人 {name}（{id}，授权委托书 {poa}）', 'c.repOf': '法定代表人 {name}',
    'doc.RESIDENT_ID': '居民身份证', 'doc.PASSPORT': '护照', 'doc.HK_MACAO_TRAVEL_PERMIT': '港澳居民来往内地通行证',
    'doc.TAIWAN_TRAVEL_PERMIT': '台湾居民来往大陆通行证', 'doc.HMT_RESIDENCE_PERMIT': '港澳台居民居住证',
    'doc.FOREIGN_PERMANENT_RESIDENCE': '外国人永久居留身份证',
    'c.slotShort': '目录占位', 'c.slot': '目录占位：单位尚未公布此事项，名称、材料和时限均为占位值',
    'e.basicCode': '基本编码', 'e.implementationCode': '实施编码', 'e.legalBasis': '设定依据', 'e.conditions': '受理条件',
    'e.feeBasis': '收费依据', 'e.siteVisits': '到办事现场次数', 'e.onlineDepth': '网办深度', 'e.statutory': '法定时限',
    'e.depth': '{n}级',
  },
  en: {
    'c.title': 'Open a case', 'c.new': 'New case', 'c.matter': 'Matter', 'c.matterHint': 'Name or code of the matter', 'c.search': 'Search',
    'c.name': 'Applicant', 'c.id': 'Document number', 'c.edit': 'Change', 'c.accept': 'Accept', 'c.number': 'Case number', 'c.state': 'State',
    'c.deadline': 'Due', 'c.applicant': 'Applicant', 'c.receipt': 'Receipt (for the applicant)', 'c.checkCode': 'Check code',
    'c.receiptNote': 'The case number and check code show the progress on a phone; the check code is shown only now.',
    'c.slotShort': 'catalog slot', 'c.slot': 'Catalog slot: the unit has not published this matter; name, materials and days are placeholders',
    'e.basicCode': 'Basic code', 'e.implementationCode': 'Implementation code', 'e.legalBasis': 'Legal basis',
    'e.conditions': 'Conditions', 'e.feeBasis': 'Fee basis', 'e.siteVisits': 'Site visits', 'e.onlineDepth': 'Online depth',
    'e.statutory': 'Statutory limit', 'e.depth': 'level {n}',
    'c.print': 'Print receipt', 'c.notices': 'Print notice', 'notice.acceptance': 'Acceptance notice',
    'notice.correction': 'Correction notice', 'notice.result': 'Result notice', 'c.missing': 'Accepted with materials missing:', 'c.supplyBy': 'Supply by',
    'c.supply': 'Record the checked materials', 'c.signOff': 'Sign off now (approve)', 'c.resultReady': 'Result ready',
    'c.deliveryMethod': 'Delivery', 'c.deliveryDetail': 'Note', 'c.tracking': 'Tracking number', 'c.deliver': 'Deliver',
    'c.close': 'Close the case', 'c.idInvalid': 'The ID number\'s check digit is wrong, please check it',
    'c.noMatter': 'No matching matter in this zone', 'c.accepted': 'Accepted {number}',
    'c.acceptedTolerance': 'Accepted {number} with materials missing: supply {materials} by {day}', 'c.supplied': 'Materials complete',
    'c.signedOff': 'Signed off at the window', 'c.signOffRefused': 'Cannot sign off here:', 'c.approved': 'Approved',
    'c.rejected': 'Rejected: {reason}', 'c.resultIsReady': 'Result ready for delivery', 'c.delivered': 'Delivered: {method}',
    'c.pickupCode': 'pickup code {code}', 'c.trackingNo': 'tracking number {no}', 'c.closed': 'Case closed', 'c.askRating': 'Ask for a rating',
    'c.ratingAsked': 'The citizen is asked to rate on window {window}\'s rating pad (for {minutes} minutes)', 'c.live': 'Live case updates',
    'c.liveLost': 'Case updates lost, reconnecting…', 'c.decided': 'Back office decided: {state}', 'c.main': 'main', 'c.tolerable': 'tolerable',
    'c.window': 'Window {n}', 'c.pending': 'Special steps: {steps}',
    'c.kind': 'Applicant is', 'c.kind.PERSON': 'a natural person', 'c.kind.LEGAL_PERSON': 'a legal person', 'c.creditCode': 'Unified social credit code',
    'c.representative': 'Legal representative', 'c.docKind': 'Document', 'c.nationality': 'Nationality', 'c.agent': 'Agent acting under a power of attorney',
    'c.agentName': 'Agent', 'c.agentId': 'Document number', 'c.agentPhone': 'Phone', 'c.poa': 'Power of attorney no.', 'c.poaDate': 'signed on',
    'c.refuse': 'Refuse to accept', 'c.refuseReason': 'Reason for refusing', 'c.refused': 'Refused {number}: {reason}', 'c.withdraw': 'Applicant withdraws',
    'c.withdrawn': 'Withdrawn {number}', 'c.ended': '{state}: {reason}', 'notice.refusal': 'Refusal notice',
    'c.agentOf': 'agent {name} ({id}, power of attorney {poa})', 'c.repOf': 'legal representative {name}',
    'doc.RESIDENT_ID': 'Resident ID card', 'doc.PASSPORT': 'Passport', 'doc.HK_MACAO_TRAVEL_PERMIT': 'HK/Macao travel permit',
    'doc.TAIWAN_TRAVEL_PERMIT': 'Taiwan travel permit', 'doc.HMT_RESIDENCE_PERMIT': 'HK/Macao/Taiwan residence permit',
    'doc.FOREIGN_PERMANENT_RESIDENCE': 'Foreign permanent resident ID',
  },
};

const $ = (id) => document.getElementById(id);

/** The identity documents a window takes (api.citizen IdentityDocument.Kind); passports and permanent residence cards carry a nationality. */
const DOC_KINDS = ['RESIDENT_ID', 'PASSPORT', 'HK_MACAO_TRAVEL_PERMIT', 'TAIWAN_TRAVEL_PERMIT', 'HMT_RESIDENCE_PERMIT', 'FOREIGN_PERMANENT_RESIDENCE'];
const WITH_NATIONALITY = ['PASSPORT', 'FOREIGN_PERMANENT_RESIDENCE'];
const ENDED = ['CLOSED', 'REFUSED_TO_ACCEPT', 'WITHDRAWN', 'TERMINATED'];

/** A document number as pages show it: 15 or more characters keep 3 and 4, shorter ones their first and last 2. */
function maskDocument(n) {
  const s = String(n || '');
  if (s.length >= 15) return maskId(s);
  return s.length <= 3 ? '*'.repeat(s.length) : s[0] + '*'.repeat(s.length - 3) + s.slice(-2);
}

/**
 * The panel, bound to the workstation (its page session carries the clerk): windowNo() the
 * window, session() the window's session; say(text, isError) shows a message.
 */
export function createCasePanel({ windowNo, session, say }) {
  // windows are numbered per hall: a case action names the page's hall beside its window (none in the default hall)
  const atWindow = () => (HALL && HALL !== 'zhumadian' ? { window: windowNo(), hall: HALL } : { window: windowNo() });
  const files = createFilesPanel({ say });
  const rules = createRulesPanel({ boxId: 'rule-fields', say });
  const bundle = createBundlePanel({ say, rules, onChange: () => { drawMatter(); } });
  let matter = null; // the chosen matter with its materials
  let idNumber = '';
  let kase = null; // the case on the panel
  let checkCode = ''; // shown once, until the next case
  let ticketAtOpen = ''; // the ticket the form belongs to
  let stream = null;
  let acceptKey = idempotencyKey();
  let methodFor = ''; // the case whose default delivery method the form shows

  function reset() {
    matter = null;
    idNumber = '';
    kase = null;
    checkCode = '';
    acceptKey = idempotencyKey();
    $('matter-q').value = '';
    $('matter-results').replaceChildren();
    $('app-name').value = '';
    $('app-id').value = '';
    for (const id of ['app-uscc', 'rep-name', 'app-nationality', 'agent-name', 'agent-nationality', 'agent-id', 'agent-phone', 'agent-poa',
      'agent-poa-date', 'refuse-reason']) $(id).value = '';
    $('app-kind').value = 'PERSON';
    $('app-doc-kind').value = 'RESIDENT_ID';
    $('agent-doc-kind').value = 'RESIDENT_ID';
    $('agent-on').checked = false;
    $('accept-mail-on').checked = false;
    $('accept-mail').classList.add('hidden');
    clearMail('accept-mail');
    clearMail('delivery-mail');
    $('delivery-asked').value = '';
    methodFor = '';
    bundle.reset();
    rules.reset();
    drawApplicantKind();
    $('app-id-error').textContent = '';
    $('signoff-refused').classList.add('hidden');
    showId(false);
    drawMatter();
    draw();
  }

  function showId(masked) {
    $('app-id').classList.toggle('hidden', masked);
    $('app-id-masked').classList.toggle('hidden', !masked);
    $('app-id-edit').classList.toggle('hidden', !masked);
    $('app-id-masked').textContent = masked ? maskDocument(idNumber) : '';
  }

  /** Which fields the applicant's kind, the documents and the agent box ask for. */
  function drawApplicantKind() {
    $('app-legal').classList.toggle('hidden', $('app-kind').value !== 'LEGAL_PERSON');
    $('app-nationality').classList.toggle('hidden', !WITH_NATIONALITY.includes($('app-doc-kind').value));
    $('agent-nationality').classList.toggle('hidden', !WITH_NATIONALITY.includes($('agent-doc-kind').value));
    $('agent').classList.toggle('hidden', !$('agent-on').checked);
    drawAcceptable();
  }

  function documentOf(kindId, numberValue, nationalityId) {
    const kind = $(kindId).value;
    const doc = { documentKind: kind, idNumber: numberValue };
    if (WITH_NATIONALITY.includes(kind)) doc.nationality = $(nationalityId).value.trim().toUpperCase();
    return doc;
  }

  /** The applicant as the case routes take it: a person, or a legal person with its representative (whose document is the one entered); the agent if checked. */
  function applicantBody() {
    const name = $('app-name').value.trim();
    const doc = documentOf('app-doc-kind', idNumber, 'app-nationality');
    const body = $('app-kind').value === 'LEGAL_PERSON'
      ? { kind: 'LEGAL_PERSON', name, creditCode: $('app-uscc').value.trim().toUpperCase(), legalRepresentative: { name: $('rep-name').value.trim(), ...doc } }
      : { name, ...doc };
    if ($('agent-on').checked) {
      body.agent = { name: $('agent-name').value.trim(), ...documentOf('agent-doc-kind', $('agent-id').value.trim().toUpperCase(), 'agent-nationality'),
        phone: $('agent-phone').value.trim(), powerOfAttorney: $('agent-poa').value.trim(), powerOfAttorneyDate: $('agent-poa-date').value };
    }
    return body;
  }

  function checkId() {
    const v = $('app-id').value.trim().toUpperCase();
    if (!v) { $('app-id-error').textContent = ''; return; } // emptied by the masking itself (change, then blur)
    if ($('app-doc-kind').value !== 'RESIDENT_ID' || idNumberValid(v)) { // other documents are checked by the hall on acceptance
      idNumber = v;
      $('app-id').value = '';
      $('app-id-error').textContent = '';
      showId(true);
    } else {
      idNumber = '';
      $('app-id-error').textContent = t('c.idInvalid');
    }
    drawAcceptable();
  }

  function drawAcceptable() {
    const legal = $('app-kind').value !== 'LEGAL_PERSON' || ($('app-uscc').value.trim().length === 18 && $('rep-name').value.trim());
    const agent = !$('agent-on').checked || ['agent-name', 'agent-id', 'agent-phone', 'agent-poa', 'agent-poa-date'].every((id) => $(id).value.trim());
    const ready = !!((matter || bundle.active()) && idNumber && $('app-name').value.trim() && legal && agent);
    $('accept').disabled = !ready;
    $('refuse').disabled = !(ready && !bundle.active() && $('refuse-reason').value.trim());
  }

  function zoneQuery() {
    const s = session();
    return s && s.zoneId !== 'universal' ? '&zone=' + encodeURIComponent(s.zoneId) : '';
  }

  async function search() {
    const q = $('matter-q').value.trim();
    try {
      const answer = await api('/api/v1/matters?limit=20&q=' + encodeURIComponent(q) + zoneQuery());
      $('matter-results').replaceChildren(...(answer.matters.length ? answer.matters.map((m) => el('button', {
        type: 'button', 'data-matter': m.code, onclick: () => choose(m.code),
      }, m.code + ' ' + nameOf(m) + (m.slot ? ' · ' + t('c.slotShort') : ''))) : [el('span', { class: 'muted' }, t('c.noMatter'))]));
    } catch (e) {
      say(e.message, true);
    }
  }

  async function choose(code) {
    try {
      matter = await api('/api/v1/matters/' + encodeURIComponent(code));
      $('matter-results').replaceChildren();
      await rules.load([code]);
      drawMatter();
    } catch (e) {
      say(e.message, true);
    }
  }

  function materialBox(m) {
    return el('label', {}, el('input', { type: 'checkbox', 'data-material': m.name, 'data-kind': m.kind }), m.name);
  }

  /** The matter's catalog elements (R8) the source states, and the slot mark. */
  function elementLines(m) {
    const lines = [];
    if (m.slot) lines.push(el('div', { class: 'pill mid', 'data-slot': 'true' }, t('c.slot')));
    const e = m.elements || {};
    const add = (key, value) => { if (value !== null && value !== undefined && value !== '') lines.push(el('div', { 'data-element': key }, t('e.' + key) + '：' + value)); };
    add('basicCode', e.basicCode);
    add('implementationCode', e.implementationCode);
    add('statutory', m.slot ? '' : m.statutoryDays + ' d');
    add('legalBasis', e.legalBasis);
    add('conditions', e.conditions);
    add('feeBasis', e.feeBasis);
    add('siteVisits', e.siteVisits);
    add('onlineDepth', e.onlineDepth ? t('e.depth', { n: e.onlineDepth }) : '');
    return lines;
  }

  function drawMatter() {
    const single = !bundle.active(); // a one-thing entry replaces the single matter and its materials
    $('single-matter').classList.toggle('hidden', !single);
    $('matter-chosen').classList.toggle('hidden', !matter);
    $('materials').classList.toggle('hidden', !matter || !single);
    if (matter) {
      $('matter-chosen').replaceChildren(matter.code + ' ' + nameOf(matter) + ' · ' + t('c.deadline') + ' '
        + matter.committedDays + (matter.immediate ? '' : ' d'), ...elementLines(matter));
      const main = matter.materials.filter((m) => m.kind === 'MAIN');
      const tolerable = matter.materials.filter((m) => m.kind !== 'MAIN');
      $('materials-main').replaceChildren(el('legend', { 'data-i18n': 'material.MAIN' }, t('material.MAIN')), ...main.map(materialBox));
      $('materials-tolerable').replaceChildren(el('legend', { 'data-i18n': 'material.TOLERABLE' }, t('material.TOLERABLE')),
        ...tolerable.map(materialBox));
      $('materials-tolerable').classList.toggle('hidden', tolerable.length === 0);
    }
    drawAcceptable();
  }

  async function accept(ev) {
    ev.preventDefault();
    if (bundle.active()) {
      try {
        const answer = await bundle.accept(applicantBody(), windowNo());
        say(t('b.accepted', { number: answer.number, n: answer.parts.length }), false);
        $('case-open').classList.add('hidden');
        $('new-case').classList.remove('hidden');
      } catch (e) {
        say(e.message, true);
      }
      return;
    }
    const materials = [...document.querySelectorAll('#materials input[data-material]:checked')].map((b) => b.dataset.material);
    try {
      const answer = await api('/api/v1/cases', {
        method: 'POST', headers: { 'Idempotency-Key': acceptKey },
        body: { matter: matter.code, applicant: applicantBody(), materials, channel: 'WINDOW', ...atWindow(), fields: rules.values(),
          ...acceptMail() },
      });
      kase = answer;
      checkCode = answer.checkCode || '';
      acceptKey = idempotencyKey();
      if (kase.missingMaterials.length) {
        say(t('c.acceptedTolerance', { number: kase.number, day: kase.supplyBy, materials: kase.missingMaterials.join('、') }), false);
      } else {
        say(t('c.accepted', { number: kase.number }), false);
      }
      draw();
    } catch (e) {
      if (e.code === 'mail-address-required') { $('accept-mail-on').checked = true; $('accept-mail').classList.remove('hidden'); }
      say(e.message, true);
    }
  }

  /** The acceptance's mail address (R13/R14), when the applicant wants the result mailed. */
  function acceptMail() {
    const mail = $('accept-mail-on').checked ? readMail('accept-mail') : null;
    return mail ? { mail } : {};
  }

  /** 不予受理: recorded as a case with a number, so its notice can be printed at once. */
  async function refuse() {
    const materials = [...document.querySelectorAll('#materials input[data-material]:checked')].map((b) => b.dataset.material);
    try {
      const answer = await api('/api/v1/cases/refusals', {
        method: 'POST', headers: { 'Idempotency-Key': acceptKey },
        body: { matter: matter.code, applicant: applicantBody(), materials, channel: 'WINDOW', ...atWindow(), fields: rules.values(),
          reason: $('refuse-reason').value.trim() },
      });
      kase = answer;
      checkCode = answer.checkCode || '';
      acceptKey = idempotencyKey();
      say(t('c.refused', { number: kase.number, reason: kase.endReason }), false);
      draw();
    } catch (e) {
      say(e.message, true);
    }
  }

  async function refreshCase() {
    if (!kase) return;
    try {
      const before = kase.state;
      kase = await api('/api/v1/cases/' + encodeURIComponent(kase.number));
      if (before !== kase.state && (kase.state === 'APPROVED' || kase.state === 'REJECTED') && !kase.signedOffAtWindow) {
        say(t('c.decided', { state: t('case.' + kase.state) }), false);
      }
      draw();
    } catch (e) {
      // the next event or reconnection tries again
    }
  }

  async function step(path, body, done) {
    try {
      kase = await api('/api/v1/cases/' + encodeURIComponent(kase.number) + '/' + path, { method: 'POST', body });
      if (done) say(done(), false);
      draw();
      return true;
    } catch (e) {
      say(e.message, true);
      return false;
    }
  }

  async function signOff() {
    $('signoff-refused').classList.add('hidden');
    try {
      kase = await api('/api/v1/cases/' + encodeURIComponent(kase.number) + '/sign-off', {
        method: 'POST', body: { approve: true, reason: '', ...atWindow() },
      });
      say(t('c.signedOff'), false);
      draw();
    } catch (e) {
      if (e.status === 403) {
        $('signoff-refused').textContent = t('c.signOffRefused') + ' ' + e.message;
        $('signoff-refused').classList.remove('hidden');
        say('', false);
      } else {
        say(e.message, true);
      }
    }
  }

  function deliveryText(d) {
    const parts = [t('c.delivered', { method: t('delivery.' + d.method) })];
    if (d.pickupCode) parts.push(t('c.pickupCode', { code: d.pickupCode }));
    if (d.trackingNumber) parts.push(t('c.trackingNo', { no: d.trackingNumber }));
    if (d.method === 'MAIL' && kase && kase.mail) {
      if (kase.mail.carrier) parts.push(t('carrier.' + kase.mail.carrier));
      parts.push(t('m.to', { line: mailLine(kase.mail) }));
    } else if (d.detail) parts.push(d.detail);
    return parts.filter((p) => p).join(' · ');
  }

  function drawReceipt() {
    $('receipt').classList.toggle('hidden', !checkCode);
    if (!checkCode) return;
    $('receipt-number').textContent = kase.number;
    $('check-code').textContent = checkCode;
    const box = $('receipt-qr');
    if (box.dataset.case !== kase.number && window.QRCode) {
      box.replaceChildren();
      box.dataset.case = kase.number;
      // the status page with the case number; the check code stays on paper only
      new window.QRCode(box, { text: location.origin + '/ui/ticket?case=' + encodeURIComponent(kase.number), width: 112, height: 112 });
    }
  }

  /** Links to the case's PDF notices (GET /api/v1/cases/{no}/notices/{kind}.pdf); the check code only while it is known. */
  function drawNotices(toSupply) {
    const base = '/api/v1/cases/' + encodeURIComponent(kase.number) + '/notices/';
    $('notice-acceptance').href = base + 'acceptance.pdf' + (checkCode ? '?checkCode=' + encodeURIComponent(checkCode) : '');
    $('notice-correction').href = base + 'correction.pdf';
    $('notice-correction').classList.toggle('hidden', !toSupply);
    $('notice-result').href = base + 'result.pdf';
    $('notice-result').classList.toggle('hidden', !kase.decision);
    const refused = kase.state === 'REFUSED_TO_ACCEPT';
    $('notice-refusal').href = base + 'refusal.pdf';
    $('notice-refusal').classList.toggle('hidden', !refused);
    $('notice-acceptance').classList.toggle('hidden', refused);
  }

  function applicantText(a) {
    const parts = [a.name + ' ' + a.idNumber];
    if (a.legalRepresentative) parts.push(t('c.repOf', { name: a.legalRepresentative.name }));
    if (a.agent) parts.push(t('c.agentOf', { name: a.agent.name, id: a.agent.idNumber, poa: a.agent.powerOfAttorney }));
    return parts.join(' · ');
  }

  function draw() {
    const s = session();
    const ticket = s && s.current;
    const active = ticket && (ticket.status === 'CALLED' || ticket.status === 'SERVING');
    $('case').classList.toggle('hidden', !s || (!active && !kase));
    $('case-open').classList.toggle('hidden', !!kase);
    $('case-view').classList.toggle('hidden', !kase);
    $('new-case').classList.toggle('hidden', !kase);
    files.draw(kase);
    if (!kase) return;
    const state = kase.state;
    $('case-number').textContent = kase.number;
    $('case-state').textContent = t('case.' + state);
    $('case-state').dataset.state = state;
    $('case-light').replaceChildren(lightPill(kase.timing && kase.timing.light));
    $('case-deadline').textContent = kase.deadline;
    $('case-clock').replaceChildren(clockBadge(kase));
    $('case-applicant').textContent = applicantText(kase.applicant);
    const ended = ['REFUSED_TO_ACCEPT', 'WITHDRAWN', 'TERMINATED'].includes(state);
    $('case-ended').textContent = ended ? t('c.ended', { state: t('case.' + state), reason: kase.endReason || '' }) : '';
    $('case-ended').dataset.state = ended ? state : '';
    $('case-ended').classList.toggle('hidden', !ended);
    drawReceipt();
    const missing = kase.missingMaterials || [];
    const undecided = state === 'ACCEPTED' || state === 'SPECIAL_STEPS';
    drawNotices(missing.length > 0 && undecided);
    $('tolerance').classList.toggle('hidden', !(missing.length && undecided));
    $('case-missing').textContent = missing.join('、');
    $('case-supply-by').textContent = kase.supplyBy || '—';
    $('supply-list').replaceChildren(...missing.map((name) => el('label', {},
      el('input', { type: 'checkbox', 'data-supply': name }), name)));
    const result = $('case-result');
    let resultText = '';
    if (kase.decision === 'APPROVED') resultText = t('c.approved');
    if (kase.decision === 'REJECTED') resultText = t('c.rejected', { reason: kase.decisionReason || '' });
    if (!kase.decision && kase.pendingSteps && kase.pendingSteps.length) {
      resultText = t('c.pending', { steps: kase.pendingSteps.map((p) => t('step.' + p)).join('、') });
    }
    if (state === 'RESULT_READY') resultText += ' · ' + t('c.resultIsReady');
    result.textContent = resultText;
    result.dataset.decision = kase.decision || '';
    result.className = 'result' + (kase.decision ? ' ' + kase.decision.toLowerCase() : '');
    result.classList.toggle('hidden', !resultText);
    if (!undecided) $('signoff-refused').classList.add('hidden'); // decided meanwhile: the refusal is history
    $('sign-off').disabled = state !== 'ACCEPTED' || missing.length > 0;
    $('sign-off').classList.toggle('hidden', !undecided);
    $('withdraw').classList.toggle('hidden', !undecided);
    $('result-ready').classList.toggle('hidden', !(state === 'APPROVED' || state === 'REJECTED'));
    $('delivery').classList.toggle('hidden', state !== 'RESULT_READY');
    if (kase && state === 'RESULT_READY' && methodFor !== kase.number) {
      methodFor = kase.number; // a case to be mailed (R14) starts with mail chosen
      if (kase.deliveryPreference) $('delivery-method').value = kase.deliveryPreference;
    }
    $('tracking-label').classList.toggle('hidden', $('delivery-method').value !== 'MAIL');
    drawMailDelivery(kase, $('delivery-method').value);
    $('delivered').classList.toggle('hidden', !kase.delivery);
    $('delivered').textContent = kase.delivery ? deliveryText(kase.delivery) : '';
    $('close-case').classList.toggle('hidden', state !== 'DELIVERED');
    $('ask-rating').classList.toggle('hidden', state !== 'DELIVERED' && state !== 'CLOSED');
    if (state === 'CLOSED') $('delivered').textContent = (kase.delivery ? deliveryText(kase.delivery) + ' · ' : '') + t('c.closed');
  }

  /** Redraws after the window's session changed (a new call resets a form not yet used). */
  function update() {
    const s = session();
    const number = s && s.current ? s.current.number : '';
    if (number && number !== ticketAtOpen) {
      if (!kase || ENDED.includes(kase.state)) reset();
      ticketAtOpen = number;
    }
    draw();
  }

  function start() {
    bundle.load();
    if (stream) return;
    stream = followCases({
      onConnected: (up) => {
        $('case-live').textContent = t(up ? 'c.live' : 'c.liveLost');
        if (up) refreshCase();
      },
      onEvent: (e) => { if (kase && e.caseNumber === kase.number) refreshCase(); },
    });
  }

  function stop() {
    if (stream) { stream.close(); stream = null; }
    reset();
  }

  $('matter-search').addEventListener('click', search);
  $('matter-q').addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); search(); } });
  $('app-id').addEventListener('change', checkId);
  $('app-id').addEventListener('blur', checkId);
  $('app-id-edit').addEventListener('click', () => { $('app-id').value = idNumber; idNumber = ''; showId(false); drawAcceptable(); $('app-id').focus(); });
  $('app-name').addEventListener('input', drawAcceptable);
  for (const select of ['app-doc-kind', 'agent-doc-kind']) {
    $(select).replaceChildren(...DOC_KINDS.map((k) => el('option', { value: k, 'data-i18n': 'doc.' + k }, t('doc.' + k))));
  }
  $('app-kind').addEventListener('change', drawApplicantKind);
  $('app-doc-kind').addEventListener('change', () => { if (idNumber) { $('app-id').value = idNumber; idNumber = ''; showId(false); } drawApplicantKind(); });
  $('agent-doc-kind').addEventListener('change', drawApplicantKind);
  $('agent-on').addEventListener('change', drawApplicantKind);
  $('accept-mail-on').addEventListener('change', () => $('accept-mail').classList.toggle('hidden', !$('accept-mail-on').checked));
  for (const id of ['app-uscc', 'rep-name', 'agent-name', 'agent-id', 'agent-phone', 'agent-poa', 'agent-poa-date', 'refuse-reason']) {
    $(id).addEventListener('input', drawAcceptable);
  }
  $('refuse').addEventListener('click', refuse);
  $('withdraw').addEventListener('click', () => step('withdrawal', { ...atWindow() }, () => t('c.withdrawn', { number: kase.number })));
  $('case-open').addEventListener('submit', accept);
  $('new-case').addEventListener('click', reset);
  $('print-receipt').addEventListener('click', () => window.print());
  $('supply').addEventListener('click', () => {
    const materials = [...document.querySelectorAll('#supply-list input:checked')].map((b) => b.dataset.supply);
    if (materials.length) step('materials', { materials }, () => (kase.missingMaterials.length ? '' : t('c.supplied')));
  });
  $('sign-off').addEventListener('click', signOff);
  $('result-ready').addEventListener('click', () => step('result-ready', {}, () => t('c.resultIsReady')));
  $('delivery-method').addEventListener('change', draw);
  $('deliver').addEventListener('click', () => {
    const body = { method: $('delivery-method').value, detail: $('delivery-detail').value.trim(), ...atWindow() };
    if (body.method === 'MAIL') Object.assign(body, { trackingNumber: $('delivery-tracking').value.trim() }, mailDelivery());
    else if (kase && kase.deliveryPreference === 'MAIL') body.applicantAsked = $('delivery-asked').value.trim();
    step('delivery', body, () => deliveryText(kase.delivery));
  });
  $('close-case').addEventListener('click', () => step('close', {}, () => t('c.closed')));
  // 一次一评: leaves a rating prompt for this window's rating pad (/ui/pad?window=N)
  $('ask-rating').addEventListener('click', async () => {
    try {
      const p = await api(hallPath('windows/' + windowNo() + '/rating-prompt'), { method: 'POST', body: { caseNumber: kase.number } });
      const minutes = Math.round((Date.parse(p.expiresAt) - Date.parse(p.askedAt)) / 60000);
      say(t('c.ratingAsked', { window: p.window, minutes }), false);
    } catch (e) {
      say(e.message, true);
    }
  });

  return { update, start, stop, redraw: () => { bundle.redraw(); rules.redraw(); drawMatter(); draw(); if (stream) $('case-live').textContent = t('c.live'); } };
}
