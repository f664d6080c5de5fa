// Units and partner types in the page's language. The challenge services name every unit in Dutch and English
// (`unitName` on an indicator); the scorecard only carries the unit itself, so the names seen on any indicator are
// remembered here for the views that show scorecards (overview, report, CSV).
import { lang, t, text } from './i18n.js';

const names = new Map();

/** Remembers the unit names of these indicators (from a challenge service's API). */
export function rememberUnits(indicators) {
  for (const i of indicators || []) if (i.unit && i.unitName) names.set(i.unit, i.unitName);
}

/** The unit in the page's language: from the indicator's own `unitName` when given, else from what was remembered. */
export function unitText(unit, unitName) {
  const bilingual = unitName || names.get(unit);
  return bilingual ? text(bilingual) : (unit || '');
}

/**
 * BUSINESS, GOVERNMENT, … in words of the page's language: the API's own `typeLabel` of a partner when given, else
 * the dashboard's words for the API's fixed vocabulary (the picker offers the kinds before any partner has one).
 */
export function partnerTypeText(type, typeLabel) {
  if (typeLabel) return text(typeLabel);
  const shown = t(`partnerTypes.${type}`);
  return shown === `partnerTypes.${type}` ? String(type || '').toLowerCase().replace(/_/g, ' ') : shown;
}

/** Loads the unit names of every challenge once (the overview shows scorecards of all of them). */
const loaded = new Set();
export async function loadUnits(codes, api) {
  await Promise.all(codes.filter(c => !loaded.has(c)).map(async c => {
    const page = await api(`/api/${c}/indicators?size=200`).catch(() => null);
    if (page) { rememberUnits(page.items); loaded.add(c); }
  }));
}

export function isDutch() {
  return lang() === 'nl';
}
