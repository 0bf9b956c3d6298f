// Avatars drawn locally: initials on a colour, as a small SVG. No network, deterministic.
import type { SamplePerson } from './samplePerson';

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderSampleAvatarSvg(person: SamplePerson): string {
  const background = `hsl(${person.hue} 55% 45%)`;
  const initials = escapeXml(person.initials);
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">' +
    `<rect width="96" height="96" fill="${background}"/>` +
    '<text x="48" y="50" dominant-baseline="middle" text-anchor="middle" fill="#fff" ' +
    `font-family="system-ui, sans-serif" font-size="38" font-weight="600">${initials}</text>` +
    '</svg>'
  );
}
