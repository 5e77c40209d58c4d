// Shared helpers of the hall's pages: API calls, problem messages for people, the event stream.
import { clockText, has, t } from './i18n.js';

/** The green-channel reasons of etc/org.onedoor.queue.cfg (greenChannel), in the order the kiosk shows them. */
export const GREEN_REASONS = ['ELDERLY', 'DISABLED', 'MILITARY', 'PREGNANT'];

/** An API refusal with the problem document's code and a message for people. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(has('problem.' + problem.code) ? t('problem.' + problem.code) : (problem.detail || problem.title || ('HTTP ' + status)));
    this.status = status;
    this.code = problem.code || '';
    this.detail = problem.detail || ''; // the problem document's own words (they name the rule), for the pages that show them
  }
}

let csrfToken = '';

/** Sends a page session's CSRF token with every later call that changes something ('' for none). */
export function useCsrfToken(token) {
  csrfToken = token || '';
}

/** Calls the node's API; resolves with the JSON answer, rejects with an ApiError. */
export async function api(path, { method = 'GET', body, raw, auth, headers = {} } = {}) {
  const h = { Accept: 'application/json', ...headers };
  if (body !== undefined) h['Content-Type'] = 'application/json';
  // raw: a Blob or File sent as it is, with its own type (file uploads)
  if (raw !== undefined) h['Content-Type'] = raw.type || 'application/octet-stream';
  if (auth) h.Authorization = 'Basic ' + base64(auth.user + ':' + auth.password);
  if (csrfToken && method !== 'GET') h['X-CSRF-Token'] = csrfToken;
  const payload = raw !== undefined ? raw : body === undefined ? undefined : JSON.stringify(body);
  const r = await fetch(path, { method, headers: h, body: payload, cache: 'no-store' });
  const text = await r.text();
  let json = {};
  try { json = text ? JSON.parse(text) : {}; } catch (e) { json = { detail: text }; }
  if (!r.ok) {
    if (r.status === 401 && !json.code) json.code = 'unauthorized';
    if (r.status === 403 && !json.code) json.code = 'forbidden';
    throw new ApiError(r.status, json);
  }
  return json;
}

function base64(s) {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  bytes.forEach((b) => { bin += String.fromCharCode(b); });
  return btoa(bin);
}

/** A random key for safe retries (works without a secure context, unlike crypto.randomUUID). */
export function idempotencyKey() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** The hall the page serves: ?hall=<id> in its address; '' for the default hall (the addresses of before). */
export const HALL = (new URLSearchParams(location.search).get('hall') || '').trim();

/** @returns the API path of the page's hall: /api/v1/<rest> in the default hall, /api/v1/halls/<hall>/<rest> in another */
export function hallPath(rest) {
  return HALL && HALL !== 'zhumadian' ? '/api/v1/halls/' + encodeURIComponent(HALL) + '/' + rest : '/api/v1/' + rest;
}

/** @returns a page address with the page's hall added (hall=), unchanged in the default hall */
export function hallLink(url) {
  if (!HALL) return url;
  return url + (url.includes('?') ? '&' : '?') + 'hall=' + encodeURIComponent(HALL);
}

/**
 * Checks the hall named in the page's address (nothing to check for the default hall): resolves with
 * the hall ({id, nameZh, nameEn, address}, its name shown at the top of the page), or, for a hall the
 * node does not serve, covers the page with the refusal (problem unknown-hall) and rejects.
 */
export async function pageHall() {
  if (!HALL) return null;
  let hall;
  try {
    hall = await api('/api/v1/halls/' + encodeURIComponent(HALL));
  } catch (e) {
    if (e.code === 'unknown-hall') {
      document.body.replaceChildren(el('div', { class: 'hall-problem', id: 'hall-problem', role: 'alert', 'data-problem': e.code },
        el('h1', {}, '没有这个大厅 “' + HALL + '”'), el('p', {}, 'No hall \'' + HALL + '\' is served here')));
    }
    throw e;
  }
  document.body.dataset.hall = hall.id;
  if (!hall.default) {
    document.title = hall.nameZh + ' · ' + document.title;
    document.body.prepend(el('div', { class: 'hall-name', id: 'hall-name', lang: 'zh' }, hall.nameZh + ' / ' + hall.nameEn));
  }
  return hall;
}

/** The open zones of the page's hall, by id: {id, letter, nameZh, universal, firstWindow, lastWindow}. */
export async function zones() {
  const answer = await api(hallPath('zones'));
  return answer.zones;
}

/** Creates an element: el('div', {class: 'x'}, 'text', child…). */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c !== undefined && c !== null && c !== false) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

export const EVENT_TYPES = ['ISSUED', 'CALLED', 'RECALLED', 'NO_SHOW', 'REQUEUED', 'STARTED', 'COMPLETED', 'TRANSFERRED',
  'WINDOW_OPEN', 'WINDOW_CLOSED', 'WINDOW_PAUSED', 'WINDOW_RESUMED'];

/**
 * Follows the queue's event stream, treating events as hints: it fetches the snapshot when the
 * stream (re)connects and whenever a sequence number is skipped, and reports the connection state.
 *
 * @param zone        the zone to follow, or '' for the whole hall (the page's hall, see HALL)
 * @param onSnapshot  called with a fresh snapshot of the page's hall (/api/v1/queue/snapshot in the default hall)
 * @param onEvent     called with each event in order, after the snapshot it follows
 * @param onConnected called with true when the stream is up, false when it is lost
 */
// An event that arrives while a snapshot is read and that the snapshot already holds is not applied again (the
// snapshot's state is newer); a page that must still react to it once (the caller screen's announcement) gets it
// through onCovered.
export function followQueue({ zone = '', device = '', onSnapshot, onEvent, onConnected, onCovered = () => {} }) {
  let source = null;
  let last = {}; // per zone id: the zoneSeq of the last event applied (from the snapshot, then from events)
  let syncing = false;
  let pending = [];
  let retryTimer = null;

  async function resync() {
    if (syncing) return;
    syncing = true;
    let snap;
    try {
      snap = await api(hallPath('queue/snapshot') + (zone ? '?zone=' + encodeURIComponent(zone) : ''));
    } catch (err) {
      syncing = false; // the stream's error handler shows the state; its next open resyncs
      pending = [];
      return;
    }
    // every zone numbers its events without gaps (zoneSeq); the snapshot tells where each zone stood,
    // so the first event after it is checked for a gap too (a zone absent from it has had no event yet)
    const before = last;
    last = Object.assign({}, snap.zoneSeqs || {});
    syncing = false;
    onSnapshot(snap);
    const queued = pending;
    pending = [];
    for (const e of queued) {
      if (e.zoneSeq <= (before[e.zoneId] || 0)) continue; // seen before the snapshot
      if (e.zoneSeq <= (last[e.zoneId] || 0)) onCovered(e); // new to the page, but its state is in the snapshot
      else handle(e);
    }
  }

  function handle(e) {
    if (syncing) { pending.push(e); return; }
    const previous = last[e.zoneId] || 0;
    if (e.zoneSeq <= previous) return; // already in the snapshot, or seen
    if (e.zoneSeq > previous + 1) { pending.push(e); resync(); return; }
    last[e.zoneId] = e.zoneSeq;
    onEvent(e);
  }

  function connect() {
    const query = new URLSearchParams();
    if (zone) query.set('zone', zone);
    if (device) query.set('device', device); // a screen configured as a device: online while it holds the stream
    source = new EventSource(hallPath('queue/events') + (query.toString() ? '?' + query : ''));
    source.onopen = () => { onConnected(true); resync(); };
    source.onerror = () => {
      onConnected(false);
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        clearTimeout(retryTimer);
        retryTimer = setTimeout(connect, 3000);
      }
    };
    for (const type of EVENT_TYPES) {
      source.addEventListener(type, (m) => { try { handle(JSON.parse(m.data)); } catch (err) { /* not ours */ } });
    }
  }

  connect();
  return { resync, close: () => { clearTimeout(retryTimer); if (source) source.close(); } };
}

/** Formats a clock time hh:mm:ss in the page's language. */
export function clock(d = new Date()) {
  return clockText(d);
}

/**
 * Asks in the page's own dialog (the elements #confirm, #confirm-text, #confirm-yes, #confirm-no, as the back office and
 * the console have them); resolves true when confirmed.
 */
export function confirmed(text) {
  const $ = (id) => document.getElementById(id);
  return new Promise((resolve) => {
    $('confirm-text').textContent = text;
    $('confirm').classList.remove('hidden');
    const done = (answer) => {
      $('confirm').classList.add('hidden');
      $('confirm-yes').onclick = null;
      $('confirm-no').onclick = null;
      resolve(answer);
    };
    $('confirm-yes').onclick = () => done(true);
    $('confirm-no').onclick = () => done(false);
    $('confirm-yes').focus();
  });
}
