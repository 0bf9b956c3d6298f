// Turns whatever a Bluesky call threw into a RapportError with a sentence the user can act on.
import { XRPCError } from '@atproto/api';
import { RapportError } from '../../../../shared/api/errors';
import { findRapportError } from '../../net/networkFailure';
import { MalformedAnswer } from './blueskyErrors';

/** Chat refusals, in the words the person reading the composer needs. */
const CHAT_SENTENCES: Record<string, string> = {
  MessagesDisabled: 'This person has turned off direct messages.',
  NotFollowedBySender: 'This person only accepts messages from people they follow, and they do not follow you.',
  RecipientNotFound: 'This account no longer exists or cannot receive messages.',
  RecipientDoesNotExist: 'This account no longer exists or cannot receive messages.',
  BlockedActor: 'You cannot message this person because one of you blocked the other.',
  AccountSuspended: 'Your account cannot send messages right now (it is suspended).',
  ConvoLocked: 'This conversation is locked; no new messages can be sent.',
  InvalidConvo: 'This conversation no longer exists.',
};

const AUTH_ERRORS = new Set(['ExpiredToken', 'InvalidToken', 'AuthenticationRequired', 'AuthMissing']);
const GONE_ERRORS = new Set(['AccountDeactivated', 'AccountTakedown', 'ActorNotFound', 'RecipientNotFound']);

/** "Output/followers/0 must have the property \"did\"" → field followers[0].did. */
function lexiconField(message: string): { field: string; detail: string } {
  const match = /^Output((?:\/[^ ]+)*) (.*)$/.exec(message);
  if (!match) return { field: '(answer)', detail: message };
  const segments = (match[1] ?? '').split('/').filter(Boolean);
  let field = segments.map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '');
  let detail = match[2] ?? 'is invalid';
  const property = /^must have the property "([^"]+)"$/.exec(detail);
  if (property) {
    field = field ? `${field}.${property[1]}` : (property[1] ?? field);
    detail = 'is missing';
  }
  return { field: field || '(answer)', detail };
}

/**
 * @atproto/xrpc's XRPCInvalidResponseError (not re-exported by @atproto/api) carries the lexicon
 * validation error; recognise it by shape.
 */
function lexiconValidationMessage(error: unknown): string | null {
  if (!(error instanceof XRPCError) || !('validationError' in error)) return null;
  const validation: unknown = error.validationError;
  return validation instanceof Error ? validation.message : null;
}

export function toRapportError(error: unknown, method: string): RapportError {
  const ours = findRapportError(error);
  if (ours) return ours;
  const validation = lexiconValidationMessage(error);
  if (validation !== null) {
    const { field, detail } = lexiconField(validation);
    return new MalformedAnswer(method, field, detail);
  }
  if (error instanceof XRPCError) {
    const name = error.error ?? '';
    const chat = CHAT_SENTENCES[name];
    if (chat) return new RapportError(name === 'RecipientNotFound' || name === 'RecipientDoesNotExist' ? 'NOT_FOUND' : 'CONFLICT', chat);
    if (AUTH_ERRORS.has(name)) return new RapportError('AUTH_EXPIRED', 'Your Bluesky session has ended. Sign in again with your app password.');
    if (name === 'RateLimitExceeded') return new RapportError('RATE_LIMITED', 'Bluesky asked us to slow down; try again later.');
    if (GONE_ERRORS.has(name)) return new RapportError('NOT_FOUND', `That Bluesky account is not available (${name}).`);
    if (/^(Profile|Actor|Record) not found$/i.test(error.message)) return new RapportError('NOT_FOUND', `Bluesky has no such account or record (${method}).`);
    return new RapportError('NETWORK_ERROR', `Bluesky refused ${method}: ${error.message || name || 'unknown error'}.`);
  }
  return new RapportError('INTERNAL', `Unexpected failure in ${method}.`);
}
