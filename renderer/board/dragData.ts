// What travels with a drag (pragmatic-drag-and-drop data is Record<string, unknown>), with guards
// so the drop side never trusts a shape it did not check.
import { STAGES } from '../../shared/domain';
import type { Stage } from '../../shared/domain';

const CARD = 'rapport-card';
const COLUMN = 'rapport-column';

export interface CardDragData {
  kind: typeof CARD;
  personId: number;
  stage: Stage;
  [key: string | symbol]: unknown;
}

export interface ColumnDropData {
  kind: typeof COLUMN;
  stage: Stage;
  [key: string | symbol]: unknown;
}

function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

export function cardDragData(personId: number, stage: Stage): CardDragData {
  return { kind: CARD, personId, stage };
}

export function isCardDragData(data: Record<string | symbol, unknown>): data is CardDragData {
  return data.kind === CARD && typeof data.personId === 'number' && isStage(data.stage);
}

export function columnDropData(stage: Stage): ColumnDropData {
  return { kind: COLUMN, stage };
}

export function isColumnDropData(data: Record<string | symbol, unknown>): data is ColumnDropData {
  return data.kind === COLUMN && isStage(data.stage);
}
