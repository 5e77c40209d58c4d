// The department's rules on the workstation form (R3, R8): the fields a matter's department checks at
// acceptance, found by asking the check route with none (POST /api/v1/matters/{code}/check), each shown
// as an input with the rule's own sentence; the values go with the acceptance as "fields". The applicant's
// resident ID stands for idNumber, so it is not asked again.
import { api, el } from './common.js';
import { has, t } from './i18n.js';

export const RULES_DICT = {
  zh: {
    'r.title': '部门受理规则要求填写', 'r.unitNumber': '不动产单元号', 'r.vin': '车辆识别代号（VIN）', 'r.accountNumber': '住房公积金个人账号',
    'r.monthlyRent': '月租金（元）', 'r.transfereeIdNumber': '受让人身份证号', 'r.transferorIdNumber': '转让人身份证号',
    'r.guardianIdNumber': '监护人身份证号',
  },
  en: {
    'r.title': 'Fields the department checks at acceptance', 'r.unitNumber': 'Real estate unit number', 'r.vin': 'Vehicle identification number',
    'r.accountNumber': 'Provident fund account', 'r.monthlyRent': 'Monthly rent (yuan)', 'r.transfereeIdNumber': 'Transferee ID number',
    'r.transferorIdNumber': 'Transferor ID number', 'r.guardianIdNumber': 'Guardian ID number',
  },
};

const $ = (id) => document.getElementById(id);

/** The fields block in the element with id {@code boxId}; say(text, isError) shows a message. */
export function createRulesPanel({ boxId, say }) {
  let asked = []; // [{ field, detail }]

  /** Asks the rules of the matters (codes) which fields they check; shows an input for each one. */
  async function load(codes) {
    const found = new Map();
    for (const code of codes) {
      try {
        const answer = await api('/api/v1/matters/' + encodeURIComponent(code) + '/check', { method: 'POST', body: { fields: {} } });
        for (const p of answer.fieldProblems || []) {
          const field = p.field.startsWith('fields.') ? p.field.slice(7) : '';
          if (field && field !== 'idNumber' && !found.has(field)) found.set(field, p.detail);
        }
      } catch (e) {
        say(e.message, true);
      }
    }
    asked = [...found.entries()].map(([field, detail]) => ({ field, detail }));
    draw();
  }

  function draw() {
    const box = $(boxId);
    box.classList.toggle('hidden', asked.length === 0);
    box.replaceChildren(...(asked.length ? [el('div', { class: 'muted small' }, t('r.title'))] : []),
      ...asked.map((a) => el('div', { class: 'field' }, el('span', { class: 'label' }, has('r.' + a.field) ? t('r.' + a.field) : a.field),
        el('input', { 'data-rule-field': a.field, maxlength: '64', title: a.detail, placeholder: a.detail }))));
  }

  /** @return the fields entered, by name */
  function values() {
    const out = {};
    for (const input of document.querySelectorAll('#' + boxId + ' input[data-rule-field]')) {
      if (input.value.trim()) out[input.dataset.ruleField] = input.value.trim();
    }
    return out;
  }

  function reset() {
    asked = [];
    draw();
  }

  return { load, values, reset, redraw: draw };
}
