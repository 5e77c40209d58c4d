// The back office's staff section for a unit's department users (R15, R16): the unit's own staff
// (number, post, state, pre-job training), a dispatch form (the unit's signature; the hall signs
// it off in the console), a withdrawal form for an active member, and the unit's forms with the
// hall's decision.
import { api, el } from './common.js';
import { t } from './i18n.js';

export const BACKOFFICE_STAFF_DICT = {
  zh: {
    's.title': '本单位工作人员（派驻与撤回）', 's.none': '本单位还没有工作人员记录', 's.number': '工号', 's.name': '姓名', 's.post': '岗位',
    's.user': '账号', 's.state': '状态', 's.dispatched': '派驻日期', 's.trained': '岗前培训', 's.yes': '已合格', 's.no': '待大厅培训',
    's.withdraw': '填报撤回', 's.withdrawReason': '撤回事由', 's.dispatch': '填报派驻表', 's.realName': '姓名', 's.userName': '登录账号',
    's.reason': '事由', 's.submit': '提交（待大厅审核）', 's.filed': '已提交表单 {id}，待大厅审核', 's.forms': '本单位表单',
    's.form': '表单', 's.kind': '类别', 's.formState': '审核', 's.decidedBy': '大厅签字', 's.decision': '说明', 's.needReason': '请填写事由',
    'state.PENDING': '待审核', 'state.ACTIVE': '在岗', 'state.WITHDRAWN': '已撤回', 'state.REJECTED': '未获派驻',
    'kind.DISPATCH': '派驻', 'kind.WITHDRAWAL': '撤回', 'form.AWAITING_HALL': '待大厅审核', 'form.APPROVED': '已通过', 'form.REJECTED': '已退回',
  },
  en: {
    's.title': "This unit's staff (dispatch and withdrawal)", 's.none': 'No staff record of this unit yet', 's.number': 'Number', 's.name': 'Name',
    's.post': 'Post', 's.user': 'User', 's.state': 'State', 's.dispatched': 'Dispatched', 's.trained': 'Pre-job training', 's.yes': 'passed',
    's.no': 'awaits the hall', 's.withdraw': 'File withdrawal', 's.withdrawReason': 'Reason for withdrawal', 's.dispatch': 'File a dispatch form',
    's.realName': 'Real name', 's.userName': 'Sign-in user', 's.reason': 'Reason', 's.submit': "Submit (awaits the hall's sign-off)",
    's.filed': "Form {id} filed; it awaits the hall's sign-off", 's.forms': "This unit's forms", 's.form': 'Form', 's.kind': 'Kind',
    's.formState': 'Decision', 's.decidedBy': "Hall's signer", 's.decision': 'Note', 's.needReason': 'Write the reason first',
    'state.PENDING': 'Pending', 'state.ACTIVE': 'Active', 'state.WITHDRAWN': 'Withdrawn', 'state.REJECTED': 'Refused',
    'kind.DISPATCH': 'Dispatch', 'kind.WITHDRAWAL': 'Withdrawal', 'form.AWAITING_HALL': 'Awaits the hall', 'form.APPROVED': 'Approved',
    'form.REJECTED': 'Refused',
  },
};

const $ = (id) => document.getElementById(id);

/** The section; say(text, isError) shows a result or a refusal. */
export function createStaffSection({ say }) {
  let members = null;
  let forms = null;
  let posts = [];

  const postName = (p) => { const x = posts.find((q) => q.post === p); return x ? x.zh + ' / ' + x.en : p; };

  async function load() {
    try {
      members = (await api('/api/v1/staff')).staff;
      forms = (await api('/api/v1/staff/forms')).forms;
      draw();
    } catch (e) {
      say(e.message, true);
    }
  }

  async function file(path, body) {
    try {
      const f = await api(path, { method: 'POST', body });
      say(t('s.filed', { id: f.id }), false);
      await load();
      return true;
    } catch (e) {
      say(e.message, true);
      return false;
    }
  }

  function withdrawal(m) {
    if (m.state !== 'ACTIVE') return [];
    const reason = el('input', { class: 'reason', maxlength: 1000, placeholder: t('s.withdrawReason') });
    return [reason, el('button', { type: 'button', class: 'action', 'data-action': 'withdraw', onclick: () => {
      if (!reason.value.trim()) { say(t('s.needReason'), true); return; }
      file('/api/v1/staff/' + m.id + '/withdrawal', { reason: reason.value.trim() });
    } }, t('s.withdraw'))];
  }

  function draw() {
    const chosen = $('s-post').value;
    $('s-post').replaceChildren(...posts.map((p) => el('option', { value: p.post, selected: p.post === chosen }, p.zh + ' / ' + p.en)));
    if (!members || !forms) return;
    $('s-empty').classList.toggle('hidden', members.length > 0);
    $('s-table').classList.toggle('hidden', members.length === 0);
    $('s-table').tBodies[0].replaceChildren(...members.map((m) => el('tr', { 'data-staff': m.id },
      el('td', { class: 'mono' }, m.staffNumber || '—'), el('td', {}, m.realName), el('td', {}, postName(m.post)),
      el('td', { class: 'mono' }, m.userName), el('td', { class: 'state' }, t('state.' + m.state)), el('td', {}, m.dispatchedOn || '—'),
      el('td', { class: m.trained ? '' : 'late' }, m.trained ? t('s.yes') : t('s.no')), el('td', { class: 'actions' }, withdrawal(m)))));
    $('s-forms').tBodies[0].replaceChildren(...forms.slice(0, 30).map((f) => el('tr', { 'data-form': f.id },
      el('td', { class: 'mono' }, f.id), el('td', {}, t('kind.' + f.kind)), el('td', {}, f.staffId), el('td', { class: 'text' }, f.reason),
      el('td', { class: 'state' }, t('form.' + f.state)), el('td', {}, f.decidedBy || '—'),
      el('td', {}, [f.decision, f.hallAgreement].filter(Boolean).join(' · ') || '—'))));
  }

  async function submit(ev) {
    ev.preventDefault();
    const ok = await file('/api/v1/staff/dispatch', { realName: $('s-name').value.trim(), post: $('s-post').value,
      userName: $('s-user').value.trim(), reason: $('s-reason').value.trim() });
    if (ok) ['s-name', 's-user', 's-reason'].forEach((id) => { $(id).value = ''; });
  }

  async function start() {
    $('staff').classList.remove('hidden');
    try {
      posts = (await api('/api/v1/staff/posts')).posts || [];
    } catch (e) {
      say(e.message, true);
    }
    draw();
    load();
    setInterval(load, 30000);
    $('s-dispatch').addEventListener('submit', submit);
  }

  return { start, draw };
}
