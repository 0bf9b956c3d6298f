// The four columns. Listens for drops anywhere on the board and turns them into moves.
import { useEffect } from 'react';
import { monitorForElements } from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import { STAGES } from '../../shared/domain';
import { openBoard } from '../stores/boardSession';
import { decideDrop } from '../keyboard/triageMoves';
import { isCardDragData, isColumnDropData } from './dragData';
import { BoardColumn } from './BoardColumn';
import { FirstRunHint } from './FirstRunHint';

export function Board({ accountId }: { accountId: number }) {
  useEffect(() => {
    openBoard(accountId);
  }, [accountId]);

  useEffect(
    () =>
      monitorForElements({
        canMonitor: ({ source }) => isCardDragData(source.data),
        onDrop: ({ source, location }) => {
          const target = location.current.dropTargets[0];
          if (!target || !isCardDragData(source.data) || !isColumnDropData(target.data)) return;
          if (target.data.stage === source.data.stage) return;
          // The same decision as a key or the menu: a toast with Undo, remembered for `u`.
          void decideDrop(accountId, source.data.personId, target.data.stage);
        },
      }),
    [accountId],
  );

  return (
    <main className="board" aria-label="Board">
      <FirstRunHint />
      {STAGES.map((stage) => (
        <BoardColumn key={stage} stage={stage} accountId={accountId} />
      ))}
    </main>
  );
}
