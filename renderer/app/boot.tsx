// The window's code proper, loaded by main.tsx once the board's first reads are on their way.
import './zodWithoutEval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './ErrorBoundary';
import { preloadViews } from './lazyViews';
import { useAccountsStore } from '../stores/accountsStore';
import { followSelectedAccount } from '../stores/boardSession';
import { followLastView, pageWasReloaded } from '../stores/lastView';

// Ask for the accounts (and, through followSelectedAccount, the board) while React is still
// mounting: the first screen then waits for one round trip less. The answers are usually here
// already (firstBoardReads.ts started them).
const stopFollowing = followSelectedAccount();
// The window opens on the view it showed last (board, Review or stats); a reload on the board.
followLastView(localStorage, { restore: !pageWasReloaded() });
void useAccountsStore
  .getState()
  .load()
  .finally(stopFollowing);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
// The other views' code, once the first screen is up.
preloadViews();
