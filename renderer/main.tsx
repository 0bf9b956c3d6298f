import './app/zodWithoutEval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { preloadViews } from './app/lazyViews';
import { useAccountsStore } from './stores/accountsStore';
import { followSelectedAccount } from './stores/boardSession';
import { followLastView, pageWasReloaded } from './stores/lastView';
import './styles/theme.css';
import './styles/topbar.css';
import './styles/board.css';
import './styles/dialogs.css';
import './styles/screens.css';
import './styles/accounts.css';
import './styles/actions.css';
import './styles/sidebar.css';
import './styles/people.css';
import './styles/peopleFilters.css';
import './styles/stats.css';
import './styles/triage.css';
import './styles/safeHtml.css';

// Ask for the accounts (and, through followSelectedAccount, the board) while React is still
// mounting: the first screen then waits for one round trip less.
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
