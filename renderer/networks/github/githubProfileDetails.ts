// The details core stores for a GitHub profile, read back from its profile fields by name (see
// electron/core/networks/github/githubMapping.ts, which writes them): plain text, and the links
// only where they are web addresses.
import type { PersonProfile } from '../../../shared/domain';
import { plainTextOf } from '../../profile/plainText';

export interface GithubProfileDetail {
  label: string;
  text: string;
  /** An https/http/mailto address the value links to, if any. */
  href: string | null;
}

const ORDER = ['Company', 'Location', 'Website', 'X', 'Email', 'Public repositories'];

function hrefOf(html: string): string | null {
  const anchor = new DOMParser().parseFromString(html, 'text/html').querySelector('a[href]');
  const href = anchor?.getAttribute('href') ?? null;
  return href !== null && /^(https?:|mailto:)/i.test(href) ? href : null;
}

export function githubDetails(profile: PersonProfile): GithubProfileDetail[] {
  const fields = profile.fields ?? [];
  const known = ORDER.flatMap((label) => fields.filter((f) => f.name === label));
  const social = fields.filter((f) => !ORDER.includes(f.name));
  return [...known, ...social].map((f) => ({ label: f.name, text: plainTextOf(f.valueHtml), href: hrefOf(f.valueHtml) }));
}

/** The person's public email, when they show one on their profile. */
export function publicEmailOf(profile: PersonProfile): string | null {
  const email = githubDetails(profile).find((d) => d.label === 'Email');
  return email && /^[^\s@]+@[^\s@]+$/.test(email.text) ? email.text : null;
}
