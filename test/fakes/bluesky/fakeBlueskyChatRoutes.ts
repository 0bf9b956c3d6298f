// chat.bsky.convo.* as the chat service answers them behind the PDS proxy
// (`atproto-proxy: did:web:api.bsky.chat#bsky_chat`); without that header the PDS refuses.
import { createHash } from 'node:crypto';
import type { FakeActor } from './fakeBlueskyState';
import { profileViewBasic } from './fakeBlueskyViews';
import { XrpcFailure, type RouteContext, type XrpcHandler, type XrpcRequest } from './fakeBlueskyXrpc';

export const CHAT_PROXY = 'did:web:api.bsky.chat#bsky_chat';

function requireProxy(req: XrpcRequest): void {
  if (req.headers['atproto-proxy'] !== CHAT_PROXY) {
    throw new XrpcFailure(400, 'InvalidRequest', 'chat methods must be proxied to did:web:api.bsky.chat#bsky_chat');
  }
}

function recipientOf(ctx: RouteContext, req: XrpcRequest): FakeActor {
  const members = req.params.getAll('members').filter((m) => m !== req.viewerDid);
  const recipient = members.length === 1 ? ctx.state.resolve(members[0] ?? '') : null;
  if (!recipient || recipient.status !== 'active') throw new XrpcFailure(400, 'RecipientNotFound', 'recipient not found');
  return recipient;
}

/** Why the recipient's chat settings refuse us, or null when they accept. */
function refusal(ctx: RouteContext, recipient: FakeActor): XrpcFailure | null {
  if (recipient.allowIncoming === 'none') return new XrpcFailure(400, 'MessagesDisabled', 'recipient has disabled incoming messages');
  if (recipient.allowIncoming === 'following' && !ctx.state.followerEdge(recipient.did)) {
    return new XrpcFailure(400, 'NotFollowedBySender', 'recipient requires incoming messages to come from someone they follow');
  }
  return null;
}

function convoIdFor(a: string, b: string): string {
  return createHash('sha256').update([a, b].sort().join('|')).digest('hex').slice(0, 16);
}

function convoView(ctx: RouteContext, convoId: string, recipient: FakeActor): Record<string, unknown> {
  return {
    id: convoId,
    rev: ctx.state.tidFor(ctx.state.nextSeq()),
    members: [profileViewBasic(ctx, ctx.state.self), profileViewBasic(ctx, recipient)],
    muted: false,
    unreadCount: 0,
    status: 'accepted',
  };
}

const getConvoAvailability: XrpcHandler = (ctx, req) => {
  requireProxy(req);
  const recipient = recipientOf(ctx, req);
  if (refusal(ctx, recipient)) return { canChat: false };
  const convoId = convoIdFor(ctx.state.self.did, recipient.did);
  return ctx.state.convos.has(convoId) ? { canChat: true, convo: convoView(ctx, convoId, recipient) } : { canChat: true };
};

const getConvoForMembers: XrpcHandler = (ctx, req) => {
  requireProxy(req);
  const recipient = recipientOf(ctx, req);
  const refused = refusal(ctx, recipient);
  if (refused) throw refused;
  const convoId = convoIdFor(ctx.state.self.did, recipient.did);
  ctx.state.convos.set(convoId, recipient.did);
  return { convo: convoView(ctx, convoId, recipient) };
};

const sendMessage: XrpcHandler = (ctx, req) => {
  requireProxy(req);
  const convoId = typeof req.body.convoId === 'string' ? req.body.convoId : '';
  const recipientDid = ctx.state.convos.get(convoId);
  if (!recipientDid) throw new XrpcFailure(400, 'InvalidConvo', 'Convo not found');
  const message = req.body.message as { text?: unknown } | undefined;
  if (typeof message?.text !== 'string' || message.text.length === 0) throw new XrpcFailure(400, 'InvalidRequest', 'message text is required');
  const seq = ctx.state.nextSeq();
  const sent = { id: `msg-${seq}`, convoId, senderDid: ctx.state.self.did, text: message.text, sentAt: new Date().toISOString() };
  ctx.state.messages.push(sent);
  return { id: sent.id, rev: ctx.state.tidFor(seq), text: sent.text, sender: { did: sent.senderDid }, sentAt: sent.sentAt };
};

export const chatRoutes: Record<string, XrpcHandler> = {
  'chat.bsky.convo.getConvoAvailability': getConvoAvailability,
  'chat.bsky.convo.getConvoForMembers': getConvoForMembers,
  'chat.bsky.convo.sendMessage': sendMessage,
};
