// The console's staff tab (R15, R16): the hall's staff registry (every unit, or one), the dispatch
// and withdrawal forms awaiting the hall's sign-off (admins and supervisors approve, with the hall's
// agreement where a chief leaves within two years, or refuse), and the pre-job training the hall
// records for a member. The units file their forms from the back office.
import { api, el } from './common.js';
import { t } from './i18n.js';
import { holds } from './session.js';

export const CONSOLE_STAFF_DICT = {
  zh: {
    'tab.staff': '工作人员', 'staff.title': '工作人员登记（派驻、撤回与岗前培训）', 'staff.unit': '单位', 'staff.all': '全部单位',
    'staff.forms': '待大厅审核的派驻/撤回表', 'staff.noForms': '没有待审核的表单', 'staff.registry': '在册人员', 'staff.none': '没有工作人员记录',
    'staff.number': '工号', 'staff.name': '姓名', 'staff.post': '岗位', 'staff.user': '账号', 'staff.state': '状态', 'staff.dispatched': '派驻日期',
    'staff.trained': '岗前培训', 'staff.yes': '已合格', 'staff.no': '未培训', 'staff.form': '表单', 'staff.kind': '类别', 'staff.filedBy': '单位签字',
    'staff.reason': '事由', 'staff.agreement': '大厅同意文号（两年内更换/撤回科长、首席代表时必填）', 'staff.approve': '审核通过',
    'staff.reject': '退回', 'staff.rejectReason': '退回理由', 'staff.approved': '表单 {id} 已审核通过', 'staff.rejected': '表单 {id} 已退回',
    'staff.training': '记录岗前培训', 'staff.course': '课程', 'staff.trainedOn': '日期', 'staff.result': '结果', 'staff.record': '记录',
    'staff.recorded': '已记录 {name} 的培训', 'staff.needReason': '请填写退回理由',
    'state.PENDING': '待审核', 'state.ACTIVE': '在岗', 'state.WITHDRAWN': '已撤回', 'state.REJECTED': '未获派驻',
    'kind.DISPATCH': '派驻', 'kind.WITHDRAWAL': '撤回', 'result.PASSED': '合格', 'result.FAILED': '不合格',
  },
  en: {
    'tab.staff': 'Staff', 'staff.title': 'Staff registry (dispatch, withdrawal, pre-job training)', 'staff.unit': 'Unit', 'staff.all': 'All units',
    'staff.forms': 'Forms awaiting the hall', 'staff.noForms': 'No form awaits the hall', 'staff.registry': 'Registry', 'staff.none': 'No staff record',
    'staff.number': 'Number', 'staff.name': 'Name', 'staff.post': 'Post', 'staff.user': 'User', 'staff.state': 'State', 'staff.dispatched': 'Dispatched',
    'staff.trained': 'Pre-job training', 'staff.yes': 'passed', 'staff.no': 'none', 'staff.form': 'Form', 'staff.kind': 'Kind', 'staff.filedBy': "Unit's signer",
    'staff.reason': 'Reason', 'staff.agreement': "Hall's agreement (needed for a chief leaving within two years)", 'staff.approve': 'Approve',
    'staff.reject': 'Refuse', 'staff.rejectReason': 'Why refused', 'staff.approved': 'Form {id} approved', 'staff.rejected': 'Form {id} refused',
    'staff.training': 'Record pre-job training', 'staff.course': 'Course', 'staff.trainedOn': 'Day', 'staff.result': 'Result', 'staff.record': 'Record',
    'staff.recorded': 'Training of {name} recorded', 'staff.needReason': 'Write why the form is refused',
    'state.PENDING': 'Pending', 'state.ACTIVE': 'Active', 'state.WITHDRAWN': 'Withdrawn', 'state.REJECTED': 'Refused',
    'kind.DISPATCH': 'Dispatch', 'kind.WITHDRAWAL': 'Withdrawal', 'result.PASSED': 'Passed', 'result.FAILED': 'Failed',
  },
};

const $ = (id) => document.getElementById(id);
const today = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10); // the hall's day (UTC+8)

/** The tab; user is the signed-in user, say(text, isError) shows a result or a refusal. */
export function createStaffTab({ say, user }) {
  let members = null;
  let forms = null;
  let units = [];
  let posts = [];
  let timer = null;

  const postName = (p) => { const x = posts.find((q) => q.post === p); return x ? x.zh + ' / ' + x.en : p; };
  const byId = (id) => (members || []).find((m) => m.id === id);

  async function load() {
    const unit = $('staff-unit').value;
    try {
      const q = unit ? '?unit=' + unit : '';
      members = (await api('/api/v1/staff' + q)).staff;
      forms = (await api('/api/v1/staff/forms?state=AWAITING_HALL' + (unit ? '&unit=' + unit : ''))).forms;
      draw();
    } catch (e) {
      say(e.message, true);
    }
  }

  async function decide(f, path, body, done) {
    try {
      await api('/api/v1/staff/forms/' + f.id + '/' + path, { method: 'POST', body });
      say(t(done, { id: f.id }), false);
      await load();
    } catch (e) {
      say(e.message, true);
    }
  }

  function formActions(f) {
    if (!holds(user, 'admin', 'supervisor')) return [];
    const agreement = el('input', { class: 'agreement', maxlength: 200, placeholder: t('staff.agreement') });
    const reason = el('input', { class: 'reason', maxlength: 1000, placeholder: t('staff.rejectReason') });
    return [agreement,
      el('button', { type: 'button', class: 'action primary', 'data-action': 'approve',
        onclick: () => decide(f, 'approve', agreement.value.trim() ? { agreement: agreement.value.trim() } : {}, 'staff.approved') }, t('staff.approve')),
      reason,
      el('button', { type: 'button', class: 'action', 'data-action': 'reject', onclick: () => {
        if (!reason.value.trim()) { say(t('staff.needReason'), true); return; }
        decide(f, 'reject', { reason: reason.value.trim() }, 'staff.rejected');
      } }, t('staff.reject'))];
  }

  function trainingForm(m) {
    if (m.state !== 'ACTIVE' && m.state !== 'PENDING') return [];
    const course = el('input', { class: 'course', maxlength: 100, placeholder: t('staff.course') });
    const day = el('input', { class: 'trained-on', type: 'date', value: today() });
    const result = el('select', { class: 'result' }, ['PASSED', 'FAILED'].map((r) => el('option', { value: r }, t('result.' + r))));
    return [course, day, result, el('button', { type: 'button', class: 'action', 'data-action': 'train', onclick: async () => {
      try {
        await api('/api/v1/staff/' + m.id + '/trainings', { method: 'POST', body: { course: course.value.trim(), trainedOn: day.value, result: result.value } });
        say(t('staff.recorded', { name: m.realName }), false);
        await load();
      } catch (e) {
        say(e.message, true);
      }
    } }, t('staff.record'))];
  }

  function draw() {
    const chosen = $('staff-unit').value;
    $('staff-unit').replaceChildren(el('option', { value: '' }, t('staff.all')),
      ...units.map((u) => el('option', { value: u.id, selected: u.id === chosen }, u.id + ' ' + u.nameZh)));
    if (!members || !forms) return;
    $('staff-forms-empty').classList.toggle('hidden', forms.length > 0);
    $('staff-forms').classList.toggle('hidden', forms.length === 0);
    $('staff-forms').tBodies[0].replaceChildren(...forms.map((f) => {
      const m = byId(f.staffId);
      return el('tr', { 'data-form': f.id },
        el('td', { class: 'mono' }, f.id), el('td', {}, t('kind.' + f.kind)), el('td', {}, f.unitId),
        el('td', {}, m ? m.realName + ' · ' + postName(m.post) + ' · ' + m.userName : f.staffId),
        el('td', {}, f.filedBy), el('td', { class: 'text' }, f.reason), el('td', { class: 'actions' }, formActions(f)));
    }));
    $('staff-empty').classList.toggle('hidden', members.length > 0);
    $('staff-table').classList.toggle('hidden', members.length === 0);
    const mayTrain = holds(user, 'admin', 'operator', 'supervisor');
    $('staff-table').tBodies[0].replaceChildren(...members.map((m) => el('tr', { 'data-staff': m.id },
      el('td', { class: 'mono' }, m.staffNumber || '—'), el('td', {}, m.realName), el('td', {}, m.unitId), el('td', {}, postName(m.post)),
      el('td', { class: 'mono' }, m.userName), el('td', { class: 'state' }, t('state.' + m.state)), el('td', {}, m.dispatchedOn || '—'),
      el('td', { class: m.trained ? '' : 'late' }, m.trained ? t('staff.yes') : t('staff.no')),
      el('td', { class: 'actions' }, mayTrain ? trainingForm(m) : []))));
  }

  async function start() {
    try {
      units = (await api('/api/v1/departments')).departments || [];
      posts = (await api('/api/v1/staff/posts')).posts || [];
    } catch (e) {
      say(e.message, true);
    }
    draw();
    load();
    timer = setInterval(load, 30000);
    $('staff-unit').addEventListener('change', load);
  }

  return { start, draw, stop: () => clearInterval(timer) };
}
