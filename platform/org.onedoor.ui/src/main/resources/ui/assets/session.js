// A page session for the staff pages (console, dashboard): sign in with POST /api/v1/auth/page-login
// (HttpOnly cookie plus a CSRF token kept in sessionStorage for this tab), find an existing
// session with GET /api/v1/auth/me, sign out with POST /api/v1/auth/logout.
import { api, useCsrfToken } from './common.js';

const CSRF_KEY = 'onedoor.csrf';

function remember(token) {
  useCsrfToken(token);
  try {
    if (token) sessionStorage.setItem(CSRF_KEY, token);
    else sessionStorage.removeItem(CSRF_KEY);
  } catch (e) {
    // storage refused: the token lasts while the page is open
  }
}

/** The signed-in user {username, roles, department}, or null when there is no page session. */
export async function currentUser() {
  let token = '';
  try {
    token = sessionStorage.getItem(CSRF_KEY) || '';
  } catch (e) {
    token = '';
  }
  if (!token) return null; // a cookie without its CSRF token cannot change anything: sign in again
  useCsrfToken(token);
  try {
    return await api('/api/v1/auth/me');
  } catch (e) {
    remember('');
    return null;
  }
}

/** Signs in; resolves with the user, rejects with an ApiError. */
export async function signIn(username, password) {
  const answer = await api('/api/v1/auth/page-login', { method: 'POST', body: { username, password } });
  remember(answer.csrfToken);
  return answer;
}

/** Ends the page session (ignores a session that has already ended). */
export async function signOut() {
  try {
    await api('/api/v1/auth/logout', { method: 'POST' });
  } catch (e) {
    // already ended
  }
  remember('');
}

/** True when the user holds one of the roles. */
export function holds(user, ...roles) {
  return !!user && user.roles.some((r) => roles.includes(r));
}

const HALL_ROLES = ['admin', 'operator', 'technician', 'department', 'clerk', 'approver', 'supervisor', 'kiosk', 'viewer'];

/** "name · role, role" for the header: the hall roles only (not the console's own realm roles). */
export function userText(user) {
  return user.username + ' · ' + user.roles.filter((r) => HALL_ROLES.includes(r)).join(', ');
}
