// The case panel's scanned files: attach a PDF, JPEG or PNG scan to one of the case's materials
// (POST /api/v1/cases/{no}/materials/{n}/files?name=, the file as the body) while the case is
// undecided, and list what the case carries (names, sizes, who; the content is for the deciding unit).
import { api, el } from './common.js';
import { t } from './i18n.js';

export const FILES_DICT = {
  zh: {
    'f.title': '材料扫描件', 'f.material': '材料', 'f.file': '文件（PDF、JPG、PNG）', 'f.upload': '上传扫描件',
    'f.none': '尚无扫描件', 'f.uploaded': '已上传 {name}', 'f.pick': '请选择要上传的文件', 'f.by': '{user} 上传',
  },
  en: {
    'f.title': 'Scanned materials', 'f.material': 'Material', 'f.file': 'File (PDF, JPG, PNG)', 'f.upload': 'Upload scan',
    'f.none': 'No scans yet', 'f.uploaded': 'Uploaded {name}', 'f.pick': 'Choose a file to upload', 'f.by': 'by {user}',
  },
};

const $ = (id) => document.getElementById(id);

function sizeText(bytes) {
  return bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + ' MB' : Math.max(1, Math.round(bytes / 1024)) + ' KB';
}

/** The panel; say(text, isError) shows a message on the workstation. */
export function createFilesPanel({ say }) {
  let kase = null;
  let listed = '';

  async function load() {
    if (!kase) return;
    const number = kase.number;
    try {
      const answer = await api('/api/v1/cases/' + encodeURIComponent(number) + '/files');
      if (!kase || kase.number !== number) return;
      listed = number;
      $('scan-list').replaceChildren(...(answer.files.length ? answer.files.map((f) => el('li', { 'data-file': String(f.id) },
        el('b', {}, f.name), ' · ' + f.material + '. ' + f.materialName + ' · ' + sizeText(f.size) + ' · ' + t('f.by', { user: f.uploadedBy })))
        : [el('li', { class: 'muted' }, t('f.none'))]));
    } catch (e) {
      say(e.message, true);
    }
  }

  async function upload() {
    const file = $('scan-file').files[0];
    if (!file) { say(t('f.pick'), true); return; }
    const n = $('scan-material').value;
    try {
      const stored = await api('/api/v1/cases/' + encodeURIComponent(kase.number) + '/materials/' + n + '/files?name='
        + encodeURIComponent(file.name), { method: 'POST', raw: file });
      $('scan-file').value = '';
      say(t('f.uploaded', { name: stored.name }), false);
      load();
    } catch (e) {
      say(e.message, true);
    }
  }

  /** Redraws for the case shown (null: none). */
  function draw(shown) {
    kase = shown;
    const undecided = !!kase && (kase.state === 'ACCEPTED' || kase.state === 'SPECIAL_STEPS');
    $('scans').classList.toggle('hidden', !kase);
    $('scan-form').classList.toggle('hidden', !undecided);
    if (!kase) { listed = ''; return; }
    const chosen = $('scan-material').value;
    $('scan-material').replaceChildren(...kase.materials.map((m, i) => el('option', { value: String(i + 1) }, (i + 1) + '. ' + m.name)));
    if (chosen && Number(chosen) <= kase.materials.length) $('scan-material').value = chosen;
    if (listed !== kase.number) load();
  }

  $('scan-upload').addEventListener('click', upload);
  return { draw };
}
