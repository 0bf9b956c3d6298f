// Methods declared in the contract whose handlers are being built right now. Each answers with a
// clear error until its real handler group lands; the group's author deletes the line here when
// registering theirs (createCore refuses two handlers for one method). Empty once all have landed.
import { RapportError } from '../../../shared/api/errors';
import type { MethodName } from '../../../shared/api/contract';
import type { HandlerGroup } from './handlerTypes';

function notBuiltYet(method: MethodName): () => never {
  return () => {
    throw new RapportError('INTERNAL', `${method} is not available in this build of Rapport yet.`);
  };
}

export const pendingHandlers: HandlerGroup = {
};
