// Who is signed in at the gateway, and what that lets them do here. The services decide for themselves; this only
// hides controls that would be refused.
import { api, csrf } from './api.js';
import { el } from './dom.js';
import { lang, t } from './i18n.js';

let me = { authenticated: false, roles: [], organisation: '' };

export function hasRole(role) {
  return me.roles.includes(role);
}

export function canEdit(challenge) {
  return hasRole('admin') || hasRole(`${challenge}-editor`);
}

export function canReadHistory(challenge) {
  return canEdit(challenge) || hasRole('board');
}

export function canPublish() {
  return hasRole('board') || hasRole('admin');
}

/** A partner may report progress on the initiatives its own organisation takes part in. */
export function isPartnerOf(initiative) {
  return hasRole('partner') && Boolean(me.organisation)
    && initiative.partners.some(p => p.name.toLowerCase() === me.organisation.toLowerCase());
}

/** Asks the gateway who is signed in and shows it in the header, with sign-in or sign-out. */
export async function loadSession() {
  me = await api('/me').catch(() => ({ authenticated: false }));
  me.roles = me.roles || [];
  const session = document.getElementById('session');
  session.replaceChildren();
  if (me.authenticated) {
    // signing out is a POST (CSRF-protected), so it is a form rather than a link
    const signOut = el('form', { method: 'post', action: '/logout', class: 'inline', onsubmit: rememberPlace },
      el('input', { type: 'hidden', name: '_csrf', value: csrf() }), el('button', { type: 'submit' }, t('signOut')));
    session.append(el('span', { class: 'who' }, `${t('signedInAs')} ${me.name}`), signOut);
  } else {
    // Keycloak's page in the dashboard's language (the gateway passes it on as ui_locales)
    session.append(el('a', { class: 'button', href: `/oauth2/authorization/keycloak?lang=${lang()}`, onclick: rememberPlace }, t('signIn')));
  }
}

/**
 * Signing in and out leaves the page (to Keycloak and back to /), and the server never sees the hash that says where
 * the user was: the page remembers it for this tab, and returnToPlace() goes back there after the round trip.
 */
function rememberPlace() {
  sessionStorage.setItem('returnTo', location.hash);
}

export function returnToPlace() {
  const place = sessionStorage.getItem('returnTo');
  sessionStorage.removeItem('returnTo');
  if (place && place !== '#/' && (location.hash === '' || location.hash === '#/')) history.replaceState(null, '', place);
}
