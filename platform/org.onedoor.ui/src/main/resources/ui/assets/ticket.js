// Citizen status: a ticket's state, position and estimated wait, refreshed every 10 seconds.
import { api, clock, STATUS_ZH, zones } from './common.js';

const $ = (id) => document.getElementById(id);
const id = new URLSearchParams(location.search).get('id') || '';
let zoneNames = {};

async function refresh() {
  if (!id) { $('message').textContent = '缺少票号，请扫描取号单上的二维码'; return; }
  try {
    const t = await api('/api/v1/tickets/' + encodeURIComponent(id));
    $('card').classList.remove('hidden');
    $('message').textContent = '';
    $('zone').textContent = zoneNames[t.zoneId] || t.zoneId;
    $('number').textContent = t.number;
    $('status').textContent = STATUS_ZH[t.status] || t.status;
    const waiting = t.status === 'WAITING' && t.position;
    $('waiting').classList.toggle('hidden', !waiting);
    if (waiting) {
      $('ahead').textContent = String(t.position - 1);
      $('wait').textContent = String(t.estimatedWaitMinutes);
    }
    const atWindow = (t.status === 'CALLED' || t.status === 'SERVING') && t.window;
    $('window').classList.toggle('hidden', !atWindow);
    if (atWindow) $('window').textContent = t.status === 'CALLED' ? '请到 ' + t.window + ' 号窗口办理' : t.window + ' 号窗口正在为您办理';
    $('updated').textContent = clock();
  } catch (e) {
    $('message').textContent = e.status === 404 ? '没有找到这张票（只能查询当天的票）' : '暂时无法连接，稍后自动重试';
  }
}

zones().then((list) => { zoneNames = Object.fromEntries(list.map((z) => [z.id, z.nameZh])); }).catch(() => {}).finally(refresh);
setInterval(refresh, 10000);
