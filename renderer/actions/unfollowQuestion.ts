// "Unfollow <name>?" — asked when a card I follow leaves Connected, whichever way it was moved
// (drag, menu, keyboard). A move never unfollows by itself: the user answers, or the move is off.
import { create } from 'zustand';
import { NETWORK_ACTIONS } from '../../shared/networkActions';
import type { Network, PersonCard, Stage } from '../../shared/domain';

/** unfollow: move and unfollow · keep: move, keep following · cancel: no move at all. */
export type UnfollowAnswer = 'unfollow' | 'keep' | 'cancel';

interface UnfollowQuestionState {
  question: { displayName: string; to: Stage; answer(answer: UnfollowAnswer): void } | null;
}

export const useUnfollowQuestion = create<UnfollowQuestionState>()(() => ({ question: null }));

export function needsUnfollowQuestion(card: PersonCard, to: Stage, network: Network): boolean {
  return card.stage === 'connected' && to !== 'connected' && card.iFollow && NETWORK_ACTIONS[network].canFollow;
}

export function askUnfollow(displayName: string, to: Stage): Promise<UnfollowAnswer> {
  // One question at a time: a second move while one is open withdraws the first.
  useUnfollowQuestion.getState().question?.answer('cancel');
  return new Promise((resolve) => {
    const answer = (value: UnfollowAnswer) => {
      if (useUnfollowQuestion.getState().question?.answer === answer) useUnfollowQuestion.setState({ question: null });
      resolve(value);
    };
    useUnfollowQuestion.setState({ question: { displayName, to, answer } });
  });
}

/**
 * For any code that moves a card (board, keyboard, Review): asks when needed and says whether to
 * go on, and with which `unfollow` for moveCard (undefined when nothing was asked).
 */
export async function decideUnfollow(card: PersonCard, to: Stage, network: Network | undefined): Promise<{ proceed: boolean; unfollow?: boolean }> {
  if (!network || !needsUnfollowQuestion(card, to, network)) return { proceed: true };
  const answer = await askUnfollow(card.displayName, to);
  if (answer === 'cancel') return { proceed: false };
  return { proceed: true, unfollow: answer === 'unfollow' };
}
