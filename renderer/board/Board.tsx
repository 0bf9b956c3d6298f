// The four columns. Listens for drops anywhere on the board and turns them into moves.
import { useEffect } from 'react';
import { monitorForElements } from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import { STAGES } from '../../shared/domain';
import { openBoard } from '../stores/boardSession';
import { moveCard } from '../stores/boardMoves';
import { isCardDragData, isColumnDropData } from './dragData';
import { BoardColumn } from './BoardColumn';

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
          void moveCard(source.data.personId, target.data.stage, { focusNext: false });
        },
      }),
    [],
  );

  return (
    <main className="board" aria-label="Board">
      {STAGES.map((stage) => (
        <BoardColumn key={stage} stage={stage} accountId={accountId} />
      ))}
    </main>
  );
}
