// The back office's complaints (R20): complaints the hall assigned to the signed-in user's unit,
// with the complainant masked, and a reply for each one awaiting it (POST .../reply).
import { api, el } from './common.js';
import { t } from './i18n.js';

export const BACKOFFICE_COMPLAINT_DICT = {
  zh: {
    'c.title': '本单位投诉（{n} 件待答复）', 'c.none': '没有分派给本单位的投诉', 'c.number': '投诉编号', 'c.kind': '类别',
    'c.text': '投诉内容', 'c.due': '答复期限', 'c.state': '状态', 'c.reply': '答复', 'c.send': '提交答复', 'c.replied': '投诉 {number} 已答复',
    'c.needReply': '请填写答复内容', 'c.late': '已超期',
    'complaint.RECEIVED': '待分派', 'complaint.ASSIGNED': '待答复', 'complaint.REPLIED': '待回访', 'complaint.CLOSED': '已办结',
  },
  en: {
    'c.title': 'Complaints about this unit ({n} awaiting a reply)', 'c.none': 'No complaint is assigned to this unit',
    'c.number': 'Complaint', 'c.kind': 'Kind', 'c.text': 'What happened', 'c.due': 'Reply due', 'c.state': 'State', 'c.reply': 'Reply',
    'c.send': 'Send reply', 'c.replied': 'Complaint {number} replied', 'c.needReply': 'Write the reply first', 'c.late': 'late',
    'complaint.RECEIVED': 'To assign', 'complaint.ASSIGNED': 'Awaiting reply', 'complaint.REPLIED': 'To call back', 'complaint.CLOSED': 'Closed',
  },
};

const $ = (id) => document.getElementById(id);

/** The section; say(text, isError) shows a result or a refusal. */
export function createComplaintSection({ say }) {
  let list = null;

  async function load() {
    try {
      list = (await api('/api/v1/complaints?limit=100')).complaints.filter((c) => c.state !== 'CLOSED');
      draw();
    } catch (e) {
      say(e.message, true);
    }
  }

  async function reply(c, text) {
    if (!text.trim()) { say(t('c.needReply'), true); return; }
    try {
      await api('/api/v1/complaints/' + c.number + '/reply', { method: 'POST', body: { reply: text.trim() } });
      say(t('c.replied', { number: c.number }), false);
      await load();
    } catch (e) {
      say(e.message, true);
    }
  }

  function draw() {
    if (!list) return;
    const waiting = list.filter((c) => c.state === 'ASSIGNED');
    $('c-title').textContent = t('c.title', { n: waiting.length });
    $('c-empty').classList.toggle('hidden', list.length > 0);
    $('c-table').classList.toggle('hidden', list.length === 0);
    $('c-table').tBodies[0].replaceChildren(...list.map((c) => {
      const box = el('textarea', { rows: 2, maxlength: 1000, class: 'c-reply' });
      return el('tr', { 'data-complaint': c.number },
        el('td', { class: 'mono' }, c.number),
        el('td', {}, c.kindName),
        el('td', {}, c.text),
        el('td', { class: c.escalatedAt ? 'late' : '' }, c.replyDue + (c.escalatedAt ? ' · ' + t('c.late') : '')),
        el('td', { class: 'state' }, t('complaint.' + c.state)),
        el('td', { class: 'reply' }, c.state === 'ASSIGNED'
          ? [box, el('button', { type: 'button', class: 'action primary', 'data-action': 'reply', onclick: () => reply(c, box.value) }, t('c.send'))]
          : c.reply));
    }));
  }

  return { start: () => { load(); setInterval(load, 30000); }, draw };
}
