// Every call to the gateway: JSON in and out, the session's CSRF token on changes, and refusals as errors that
// carry the problem+json body (its `errors` name the fields a form shows them next to). Every call says the page's
// language (Accept-Language), so that refusals come back in it.
import { lang } from './i18n.js';

/** The CSRF token the gateway put in a cookie readable by scripts (sent back as a header on unsafe requests). */
export function csrf() {
  const match = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

/**
 * Calls the gateway and resolves to the JSON answer (null when there is none). A refusal rejects with an Error whose
 * `status` is the HTTP status and `problem` the problem+json body; `etag` is sent as If-Match (stale edits get 412).
 */
export async function api(path, { method = 'GET', body, etag } = {}) {
  const headers = { Accept: 'application/json', 'Accept-Language': lang() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-XSRF-TOKEN'] = csrf();
  if (etag) headers['If-Match'] = etag;
  const response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  const json = (response.headers.get('content-type') || '').includes('json') ? await response.json() : null;
  if (!response.ok) {
    const error = new Error((json && json.detail) || response.statusText);
    error.status = response.status;
    error.problem = json;
    throw error;
  }
  return json;
}
