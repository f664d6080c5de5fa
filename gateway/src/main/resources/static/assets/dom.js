// Building the page from data: elements are made with createElement and text nodes, never from HTML strings, so
// whatever the API returns is shown as text and cannot inject markup.
import { lang } from './i18n.js';

/**
 * An element with its attributes and children. `class` sets the class, `on…` adds a listener, `true` gives an empty
 * attribute; null, undefined and false attributes and children are left out, arrays are spread.
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function locale() {
  return lang() === 'en' ? 'en-GB' : 'nl-NL';
}

/** A number in the chosen language's notation, '–' when there is none. */
export function number(value) {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(value);
}

/** A date in the chosen language, '–' when there is none. */
export function date(value) {
  if (!value) return '–';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(new Date(value));
}

export function today() {
  return new Date().toISOString().slice(0, 10);
}

export function firstSentence(value) {
  const match = value.match(/^.*?[.!?](\s|$)/);
  return match ? match[0].trim() : value;
}
