import type { Tone } from './classStyle.ts';
import { paint, TONE_ICON, TONE_STYLE } from './classStyle.ts';

const SVG = 'http://www.w3.org/2000/svg';

export interface PopupContent {
  name: string;
  /** The language of the name (English when it has none in the reader's language). */
  nameLang: string;
  classLabel: string;
  tone: Tone;
  /** The period of the class; empty when the zone has none. */
  period: string;
  linkText: string;
  href: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  /** Opens the zone page inside the application (a plain click); other clicks follow the link. */
  open: () => void;
}

function icon(tone: Tone): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  for (const [name, value] of Object.entries({
    viewBox: '0 0 16 16',
    width: '16',
    height: '16',
    'aria-hidden': 'true',
  })) {
    svg.setAttribute(name, value);
  }
  svg.setAttribute('class', 'zone-icon');
  for (const part of TONE_ICON[tone]) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', part.d);
    path.setAttribute('fill', paint(tone, part.fill));
    path.setAttribute('stroke', paint(tone, part.stroke));
    if (part.stroke) path.setAttribute('stroke-width', '1.7');
    path.setAttribute('stroke-linecap', 'round');
    path.setAttribute('stroke-linejoin', 'round');
    svg.append(path);
  }
  return svg;
}

function line(...children: (Node | string)[]): HTMLParagraphElement {
  const p = document.createElement('p');
  p.append(...children);
  return p;
}

/** A zone's popup on the map: its name, class in words with its shape, period and a link to its page. */
export function zonePopup(content: PopupContent): HTMLElement {
  const root = document.createElement('div');
  root.className = 'zone-popup';
  root.lang = content.lang;
  root.dir = content.dir;

  const name = document.createElement('strong');
  name.textContent = content.name;
  name.lang = content.nameLang;

  const badge = document.createElement('span');
  badge.className = 'zone-badge';
  const style = TONE_STYLE[content.tone];
  badge.style.setProperty('--zone-tint', style.tint);
  badge.style.setProperty('--zone-ink', style.ink);
  badge.style.setProperty('--zone-edge', style.icon);
  const label = document.createElement('span');
  label.textContent = content.classLabel;
  badge.append(icon(content.tone), label);

  const link = document.createElement('a');
  link.href = content.href;
  link.textContent = content.linkText;
  link.addEventListener('click', (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    content.open();
  });

  root.append(line(name), line(badge), ...(content.period ? [line(content.period)] : []), line(link));
  return root;
}
