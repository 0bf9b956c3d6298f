// One native notification per account and sync that found new followers ("12 new followers on
// <network> — 3 look promising"), never one per person. Clicking it brings the window forward on
// Review for that account. None when the setting is off or the window has focus: the board
// already shows the news.
import { Notification } from 'electron';
import { followersArrivedSchema, type FollowersArrived } from '../../shared/api/desktopEvents';
import type { MainLog } from './mainLog';

export interface NewFollowerNotifierOptions {
  enabled(): boolean;
  windowFocused(): boolean;
  openReview(accountId: number): void;
  log: MainLog;
}

/** "12 new followers on <network>" and "3 look promising" (title and body). */
export function newFollowersText({ count, promising, networkLabel }: FollowersArrived): { title: string; body: string } {
  const title = `${count} new ${count === 1 ? 'follower' : 'followers'} on ${networkLabel}`;
  if (promising === 0) return { title, body: 'Open Review to decide who you build ties with.' };
  if (promising === count) return { title, body: count === 1 ? 'Looks promising' : `All ${count} look promising` };
  return { title, body: `${promising} ${promising === 1 ? 'looks' : 'look'} promising` };
}

export interface NewFollowerNotifier {
  /** Core's followers.arrived payload, validated here before anything reaches the OS. */
  arrived(payload: unknown): void;
}

export function createNewFollowerNotifier(options: NewFollowerNotifierOptions): NewFollowerNotifier {
  // A notification with no reference left can be collected before it is clicked (then the click
  // does nothing); hold each until it is clicked or closed.
  const showing = new Set<Notification>();
  return {
    arrived(payload) {
      const parsed = followersArrivedSchema.safeParse(payload);
      if (!parsed.success) {
        options.log.warn('Ignored a malformed followers.arrived event from core.');
        return;
      }
      if (!options.enabled() || options.windowFocused() || !Notification.isSupported()) return;
      const { accountId } = parsed.data;
      const notification = new Notification(newFollowersText(parsed.data));
      const release = (): void => {
        showing.delete(notification);
      };
      notification.on('click', () => {
        release();
        options.openReview(accountId);
      });
      notification.on('close', release);
      showing.add(notification);
      notification.show();
    },
  };
}
