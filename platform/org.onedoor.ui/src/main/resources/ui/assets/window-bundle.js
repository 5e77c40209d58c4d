// "One thing" bundles on the workstation (R11): the clerk picks an entry of the hall's catalog
// (GET /api/v1/one-things), not the matters one by one; the entry's matters and departments are shown,
// each material two or more of them ask for is asked once (a tick counts for every matter that asks it),
// and the whole is accepted as one application (POST /api/v1/cases/bundles with oneThing).
import { api, el, idempotencyKey } from './common.js';
import { nameOf, t } from './i18n.js';

export const BUNDLE_DICT = {
  zh: {
    'b.label': '一件事', 'b.single': '（单个事项）', 'b.departments': '涉及部门：{list}', 'b.shared': '共用材料（只收一次）',
    'b.own': '{matter} 的材料', 'b.placeholder': '占位条目', 'b.slots': '其中 {n} 个事项为目录占位', 'b.unavailable': '有事项未上线，暂不能受理',
    'b.accepted': '已受理“一件事” {number}（{n} 个事项）', 'b.checkCode': '查询码 {code}', 'b.part': '{number} · {matter} · {dept}',
  },
  en: {
    'b.label': 'One thing', 'b.single': '(a single matter)', 'b.departments': 'Departments: {list}', 'b.shared': 'Shared materials (asked once)',
    'b.own': 'Materials of {matter}', 'b.placeholder': 'placeholder entry', 'b.slots': '{n} of its matters are catalog slots',
    'b.unavailable': 'a matter is not offered now', 'b.accepted': 'Accepted one thing {number} ({n} matters)',
    'b.checkCode': 'check code {code}', 'b.part': '{number} · {matter} · {dept}',
  },
};

const $ = (id) => document.getElementById(id);

/** The bundle chooser; rules: the department-rules panel; onChange() when an entry is chosen or cleared. */
export function createBundlePanel({ say, rules, onChange }) {
  let entries = [];
  let chosen = null; // the entry with its matters (GET /api/v1/one-things/{code})
  let key = idempotencyKey();

  async function load() {
    try {
      entries = (await api('/api/v1/one-things')).oneThings;
    } catch (e) {
      entries = [];
    }
    drawChooser();
  }

  function drawChooser() {
    const current = $('one-thing').value;
    $('one-thing').replaceChildren(el('option', { value: '' }, t('b.single')), ...entries.map((o) => el('option', {
      value: o.code, 'data-one-thing': o.code, disabled: !o.available,
    }, o.code + ' ' + nameOf(o) + (o.placeholder ? ' · ' + t('b.placeholder') : '') + (o.available ? '' : ' · ' + t('b.unavailable')))));
    $('one-thing').value = current;
  }

  async function choose() {
    const code = $('one-thing').value;
    chosen = null;
    if (code) {
      try {
        chosen = await api('/api/v1/one-things/' + encodeURIComponent(code));
        await rules.load(chosen.matterCodes);
      } catch (e) {
        say(e.message, true);
      }
    } else {
      rules.reset();
    }
    draw();
    onChange();
  }

  function box(name, kind) {
    return el('label', {}, el('input', { type: 'checkbox', 'data-bundle-material': name, 'data-kind': kind }), name);
  }

  function draw() {
    $('one-thing-view').classList.toggle('hidden', !chosen);
    if (!chosen) { $('one-thing-view').replaceChildren(); return; }
    const shared = new Set(chosen.sharedMaterials);
    const parts = chosen.matters.map((m) => el('fieldset', { 'data-bundle-matter': m.code },
      el('legend', {}, t('b.own', { matter: m.code + ' ' + (m.nameZh || '') + ' · ' + (m.departmentId || '') })),
      ...(m.materials || []).filter((x) => !shared.has(x.name)).map((x) => box(x.name, x.kind))));
    const kinds = new Map();
    for (const m of chosen.matters) for (const x of m.materials || []) if (shared.has(x.name)) kinds.set(x.name, x.kind);
    $('one-thing-view').replaceChildren(
      el('div', { class: 'muted' }, t('b.departments', { list: chosen.departmentIds.join('、') })
        + (chosen.slotParts ? ' · ' + t('b.slots', { n: chosen.slotParts }) : '')),
      ...(chosen.placeholder ? [el('div', { class: 'pill mid', 'data-placeholder': 'true' }, t('b.placeholder') + '：' + chosen.note)] : []),
      ...(shared.size ? [el('fieldset', { class: 'shared' }, el('legend', {}, t('b.shared')),
        ...[...shared].map((n) => box(n, kinds.get(n) || 'MAIN')))] : []),
      ...parts);
  }

  /** Accepts the chosen entry for the applicant at the window; every ticked material counts for each matter that asks it. */
  async function accept(applicant, window) {
    const ticked = new Set([...document.querySelectorAll('#one-thing-view input[data-bundle-material]:checked')].map((b) => b.dataset.bundleMaterial));
    const parts = chosen.matters.map((m) => ({ matter: m.code, materials: (m.materials || []).map((x) => x.name).filter((n) => ticked.has(n)) }));
    const answer = await api('/api/v1/cases/bundles', {
      method: 'POST', headers: { 'Idempotency-Key': key },
      body: { oneThing: chosen.code, applicant, parts, channel: 'WINDOW', window, fields: rules.values() },
    });
    key = idempotencyKey();
    $('bundle-result').classList.remove('hidden');
    $('bundle-result').dataset.bundle = answer.number;
    $('bundle-result').replaceChildren(el('div', {}, el('b', {}, t('b.accepted', { number: answer.number, n: answer.parts.length }))),
      el('div', { class: 'check-code' }, t('b.checkCode', { code: answer.checkCode })),
      ...answer.parts.map((p) => el('div', { 'data-part': p.number }, t('b.part', { number: p.number, matter: p.matter.nameZh, dept: p.departmentId }))));
    return answer;
  }

  function reset() {
    chosen = null;
    $('one-thing').value = '';
    $('bundle-result').classList.add('hidden');
    $('bundle-result').replaceChildren();
    draw();
  }

  $('one-thing').addEventListener('change', choose);
  return { load, accept, reset, active: () => !!chosen, redraw: () => { drawChooser(); draw(); } };
}
