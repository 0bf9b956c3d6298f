// GitHub users as Rapport's RemoteProfile. The numeric id (databaseId in GraphQL) is the stable
// key: a login can change, the id never does. GitHub profiles have no banner or custom emoji;
// their details (company, location, website, X username, public email, repositories, social
// accounts) travel as profile fields: plain text escaped to HTML, links only to http(s).
import type { RemoteProfile, RemoteProfileExtras } from '../provider';
import type { GraphqlUser, RestUser } from './githubSchemas';

/** GitHub caps names and company/location at 255 characters and bios at 160; keep a little slack. */
const MAX_TEXT = 320;

export interface GithubDetails {
  company: string | null;
  location: string | null;
  website: string | null;
  xUsername: string | null;
  email: string | null;
  publicRepos: number | null;
  socialAccounts: { provider: string; url: string }[];
}

/** Control characters (other than tab and line breaks) have no place in a profile and can garble a line. */
function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return (code < 0x20 && char !== '\t' && char !== '\n' && char !== '\r') || code === 0x7f;
}

function clean(value: string | null | undefined): string {
  return Array.from(value ?? '')
    .filter((char) => !isControl(char))
    .join('')
    .trim()
    .slice(0, MAX_TEXT);
}

function orNull(value: string | null | undefined): string | null {
  const cleaned = clean(value);
  return cleaned === '' ? null : cleaned;
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** An http(s) URL as GitHub users type it ("example.com" included), or null for anything else. */
export function webAddress(value: string | null): string | null {
  if (!value) return null;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(candidate);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function link(href: string, label: string): string {
  return `<a href="${escapeHtml(href)}" rel="nofollow noopener noreferrer" target="_blank">${escapeHtml(label)}</a>`;
}

/** The profile fields a GitHub profile shows, in GitHub's own order. Names are stable (the window reads them). */
export function detailsToExtras(details: GithubDetails): RemoteProfileExtras {
  const fields: RemoteProfileExtras['fields'] = [];
  const add = (name: string, valueHtml: string | null) => {
    if (valueHtml) fields.push({ name, valueHtml, verifiedAt: null });
  };
  add('Company', details.company ? escapeHtml(details.company) : null);
  add('Location', details.location ? escapeHtml(details.location) : null);
  const website = webAddress(details.website);
  add('Website', website ? link(website, details.website ?? website) : null);
  add('X', details.xUsername ? link(`https://x.com/${encodeURIComponent(details.xUsername)}`, `@${details.xUsername}`) : null);
  add('Email', details.email ? link(`mailto:${details.email}`, details.email) : null);
  add('Public repositories', details.publicRepos === null ? null : String(details.publicRepos));
  for (const social of details.socialAccounts) {
    const href = webAddress(social.url);
    if (href) add(socialLabel(social.provider), link(href, social.url));
  }
  return { bannerUrl: null, fields, emojis: [], lastPostAt: null };
}

function socialLabel(provider: string): string {
  const lower = clean(provider).toLowerCase();
  if (lower === 'generic' || lower === '') return 'Link';
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

function profileUrl(webBase: string, login: string): string {
  return `${webBase}/${encodeURIComponent(login)}`;
}

export function graphqlUserToProfile(user: GraphqlUser, webBase: string): RemoteProfile {
  const details: GithubDetails = {
    company: orNull(user.company),
    location: orNull(user.location),
    website: orNull(user.websiteUrl),
    xUsername: orNull(user.twitterUsername),
    email: orNull(user.email),
    publicRepos: user.repositories?.totalCount ?? null,
    socialAccounts: (user.socialAccounts?.nodes ?? []).map((s) => ({ provider: s.provider, url: s.url })),
  };
  return {
    remoteId: String(user.databaseId),
    handle: user.login,
    displayName: clean(user.name),
    bio: clean(user.bio),
    bioHtml: null,
    avatarUrl: orNull(user.avatarUrl),
    followersCount: user.followers?.totalCount ?? null,
    followingCount: user.following?.totalCount ?? null,
    // GitHub has no posts; public repositories are what a developer publishes (the "no posts" signal).
    postsCount: details.publicRepos,
    joinedAt: orNull(user.createdAt),
    profileUrl: profileUrl(webBase, user.login),
    extras: detailsToExtras(details),
  };
}

/**
 * A REST user. List pages carry only the "simple user" (login, id, avatar): the counts and
 * details are then absent (null, no extras) rather than zero, so nothing stored is overwritten.
 */
export function restUserToProfile(user: RestUser, webBase: string, socialAccounts?: { provider: string; url: string }[]): RemoteProfile {
  const full = user.created_at !== undefined && user.created_at !== null;
  const details: GithubDetails = {
    company: orNull(user.company),
    location: orNull(user.location),
    website: orNull(user.blog),
    xUsername: orNull(user.twitter_username),
    email: orNull(user.email),
    publicRepos: user.public_repos ?? null,
    socialAccounts: socialAccounts ?? [],
  };
  return {
    remoteId: String(user.id),
    handle: user.login,
    displayName: clean(user.name),
    bio: clean(user.bio),
    bioHtml: null,
    avatarUrl: orNull(user.avatar_url),
    followersCount: user.followers ?? null,
    followingCount: user.following ?? null,
    postsCount: details.publicRepos,
    joinedAt: orNull(user.created_at),
    profileUrl: profileUrl(webBase, user.login),
    ...(full ? { extras: detailsToExtras(details) } : {}),
  };
}
