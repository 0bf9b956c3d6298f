// On networks that bill reads (X), what the next sync will read, for the Sync now button's
// tooltip: asked when the account shows and again after each sync ends (the month's reads and the
// counts change then). Other networks never ask: no call on the board's first paint.
import { useEffect, useState } from 'react';
import { call } from '../api/rapportClient';

export function useSyncReadEstimate(accountId: number, billsReads: boolean, running: boolean): string | null {
  const [sentence, setSentence] = useState<string | null>(null);
  useEffect(() => {
    if (!billsReads || running) return;
    let current = true;
    call('getSyncReadEstimate', { accountId })
      .then((estimate) => {
        if (current) setSentence(estimate?.sentence ?? null);
      })
      // Only a tooltip: when core cannot say, the button simply says nothing more.
      .catch(() => {
        if (current) setSentence(null);
      });
    return () => {
      current = false;
    };
  }, [accountId, billsReads, running]);
  return billsReads ? sentence : null;
}
