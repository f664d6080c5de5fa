// The page's one content area: which render may fill it, messages that outlive a render, and the live region.
import { el } from './dom.js';

const main = document.getElementById('main');
const live = document.getElementById('live');

let renderSeq = 0;
let liveRender = 0; // the render a live update started: it must not replace an editor someone opened meanwhile
let notice = null; // a message that must survive the next renders for a while (e.g. a stale edit)
let rerender = async () => {};
let sayTimer;

/** Starts a render and returns its number; `live` marks one started by a live update rather than by the user. */
export function beginRender(live = false) {
  renderSeq += 1;
  if (live) liveRender = renderSeq;
  return renderSeq;
}

/** The router registers how to render the current route; forms call refresh() after a save without importing it. */
export function setRerender(render) {
  rerender = render;
}

export function refresh() {
  return rerender();
}

/** Keeps a message above the content for the next renders, for `millis`. */
export function keepNotice(text, millis) {
  notice = { text, until: Date.now() + millis };
}

/**
 * Replaces the page's content, unless a newer render started meanwhile (the user moved on while this one waited for
 * the API). Arrays are spread and empty parts left out.
 */
export function show(render, ...parts) {
  if (render !== renderSeq) return;
  if (render === liveRender && busyEditing()) return; // the next render shows the change
  const shown = notice && notice.until > Date.now() ? el('p', { class: 'notice', role: 'alert' }, notice.text) : null;
  main.replaceChildren(...[shown, ...parts.flat()].filter(part => part !== null && part !== undefined && part !== false));
}

/** Someone has an editor open or is typing: a live update must not throw that away. */
export function busyEditing() {
  return main.querySelector('details.editor[open]') !== null
    || [...main.querySelectorAll('form.edit textarea, form.edit input[type=text]')].some(input => input.value.trim() !== '');
}

/** Says something briefly in the polite live region (screen readers announce it; sighted users see a toast). */
export function say(message) {
  live.textContent = message;
  live.classList.add('shown');
  clearTimeout(sayTimer);
  sayTimer = setTimeout(() => live.classList.remove('shown'), 4000);
}

/** Takes back what the live region said (a toast must not stand beside a refusal it would contradict). */
export function unsay() {
  live.textContent = '';
  live.classList.remove('shown');
  clearTimeout(sayTimer);
}

export function focusContent() {
  main.focus();
}
