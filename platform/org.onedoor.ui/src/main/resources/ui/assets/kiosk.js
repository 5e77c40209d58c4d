// Kiosk: pick a zone, optionally the green channel, take a ticket, see it with its status link.
import { api, clock, el, GREEN_ZH, idempotencyKey, zones } from './common.js';

const $ = (id) => document.getElementById(id);
const steps = ['step-zone', 'step-kind', 'step-ticket'];
let chosen = null;
let idleTimer = null;

function show(step) {
  steps.forEach((s) => $(s).classList.toggle('hidden', s !== step));
  $('message').textContent = '';
  clearTimeout(idleTimer);
  if (step !== 'step-zone') idleTimer = setTimeout(() => show('step-zone'), 60000); // back to the start when left alone
}

async function loadZones() {
  try {
    const list = (await zones()).filter((z) => !z.universal);
    $('zones').replaceChildren(...list.map((z) => el('button', { class: 'zone', 'data-zone': z.id, onclick: () => pick(z) },
      el('span', { class: 'letter' }, z.letter), el('span', {}, z.nameZh))));
  } catch (e) {
    $('message').textContent = '暂时无法取号，请稍候或咨询工作人员';
    setTimeout(loadZones, 5000);
  }
}

function pick(zone) {
  chosen = zone;
  $('kind-zone').textContent = zone.nameZh;
  show('step-kind');
}

async function take(priority, greenReason) {
  const buttons = document.querySelectorAll('#step-kind button');
  buttons.forEach((b) => { b.disabled = true; });
  const body = { zone: chosen.id };
  if (priority === 'GREEN') { body.priority = 'GREEN'; body.greenReason = greenReason; }
  const key = idempotencyKey();
  try {
    let ticket;
    try {
      ticket = await api('/api/v1/tickets', { method: 'POST', body, headers: { 'Idempotency-Key': key } });
    } catch (e) {
      if (e.status) throw e;
      ticket = await api('/api/v1/tickets', { method: 'POST', body, headers: { 'Idempotency-Key': key } }); // one retry, same key
    }
    showTicket(ticket);
  } catch (e) {
    $('message').textContent = e.status ? e.message : '网络异常，请重试';
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}

function showTicket(t) {
  $('t-zone').textContent = chosen.nameZh;
  $('t-number').textContent = t.number;
  $('t-green').classList.toggle('hidden', t.priority !== 'GREEN');
  $('t-ahead').textContent = t.position ? String(t.position - 1) : '0';
  $('t-wait').textContent = t.estimatedWaitMinutes ?? '—';
  const link = location.origin + '/ui/ticket?id=' + encodeURIComponent(t.id);
  $('t-link').textContent = link;
  $('t-qr').replaceChildren();
  if (window.QRCode) {
    new window.QRCode($('t-qr'), { text: link, width: 240, height: 240, correctLevel: window.QRCode.CorrectLevel.M });
  }
  show('step-ticket');
}

$('normal').addEventListener('click', () => take('NORMAL'));
$('back').addEventListener('click', () => show('step-zone'));
$('done').addEventListener('click', () => { show('step-zone'); loadZones(); }); // zones may have closed or opened meanwhile
$('green').replaceChildren(...Object.entries(GREEN_ZH).map(([reason, label]) =>
  el('button', { class: 'zone green', 'data-reason': reason, onclick: () => take('GREEN', reason) }, label)));
setInterval(() => { $('clock').textContent = clock(); }, 1000);
$('clock').textContent = clock();
loadZones();
