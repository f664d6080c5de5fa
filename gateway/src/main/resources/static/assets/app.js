// The landing page: who is signed in, and the Board overview from /api/scorecards.
const NAMES = { circular: 'Circular Economy', mobility: 'Mobility', health: 'Health', digital: 'Digital Connectivity', talent: 'Talent for the Future' };
const STATUS_TEXT = { GREEN: 'On course', AMBER: 'Attention: at risk', RED: 'Behind: missed or overdue', NO_DATA: 'No data yet' };

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function shorten(text, max) {
  return text.length <= max ? text : text.slice(0, text.lastIndexOf(' ', max)) + '…';
}

function csrfToken() {
  const match = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

async function showSession() {
  const nav = document.getElementById('session');
  const me = await fetch('/me', { credentials: 'same-origin' }).then(r => r.json()).catch(() => ({ authenticated: false }));
  nav.replaceChildren();
  if (me.authenticated) {
    nav.append(el('span', `Signed in as ${me.name} `));
    const form = el('form');
    form.method = 'post';
    form.action = '/logout';
    const token = el('input');
    token.type = 'hidden';
    token.name = '_csrf';
    token.value = csrfToken();
    form.append(token, el('button', 'Sign out'));
    form.style.display = 'inline';
    nav.append(form);
  } else {
    const signIn = el('a', 'Sign in');
    signIn.href = '/oauth2/authorization/keycloak';
    nav.append(signIn);
  }
}

async function showOverview() {
  const status = document.getElementById('status');
  const overview = document.getElementById('overview');
  try {
    const board = await fetch('/api/scorecards').then(r => { if (!r.ok) throw new Error(r.status); return r.json(); });
    overview.replaceChildren(...board.challenges.map(card));
    status.textContent = `As of ${board.asOf}.`;
  } catch (e) {
    status.textContent = 'The scorecards cannot be loaded right now.';
  }
}

function card(c) {
  const m = c.milestones;
  const box = el('section', undefined, `card ${c.status}`);
  box.append(el('h3', NAMES[c.challenge] || c.challenge));
  box.append(el('p', STATUS_TEXT[c.status] || c.status, 'badge'));
  const list = el('ul');
  list.append(el('li', `${m.total} milestones: ${m.achieved} achieved, ${m.onTrack} on track, ${m.atRisk} at risk, ${m.missed} missed, ${m.planned} planned`));
  list.append(el('li', `${m.overdue} overdue`));
  box.append(list);
  if (c.reasons.length) {
    const reasons = el('ul', undefined, 'reasons');
    c.reasons.slice(0, 3).forEach(r => reasons.append(el('li', `${shorten(r.title, 110)} — ${r.why}`)));
    if (c.reasons.length > 3) reasons.append(el('li', `and ${c.reasons.length - 3} more`));
    box.append(reasons);
  }
  return box;
}

showSession();
showOverview();
