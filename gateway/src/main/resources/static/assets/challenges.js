// The challenge registry (GET /api/challenges), read once at start-up: which challenges there are, in overview
// order, with their names and accent colours. Nothing about the challenges is hard-coded in the dashboard.
import { text } from './i18n.js';

let registry = [];

/** Loads the registry; every page calls this once before it renders anything that names a challenge. */
export async function loadChallenges() {
  const response = await fetch('/api/challenges', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`/api/challenges: ${response.status}`);
  registry = (await response.json()).slice().sort((a, b) => a.position - b.position);
}

/** The challenges' codes in overview order. */
export function challengeCodes() {
  return registry.map(c => c.code);
}

export function isChallenge(code) {
  return registry.some(c => c.code === code);
}

/** The challenge's name in the chosen language; the code itself for one the registry does not know. */
export function challengeName(code) {
  const challenge = registry.find(c => c.code === code);
  return challenge ? text(challenge.name) : code;
}

/**
 * Marks a node with the challenge's accent colour as the CSS variable --challenge (the stylesheet decides where it
 * shows). Set through the CSSOM: the page's CSP allows no inline style attributes.
 */
export function accent(node, code) {
  const challenge = registry.find(c => c.code === code);
  if (challenge && /^#[0-9a-fA-F]{6}$/.test(challenge.colour)) node.style.setProperty('--challenge', challenge.colour);
  return node;
}
