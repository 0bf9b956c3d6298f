// The IPC vocabulary between preload and main: one invoke channel per contract method and one
// channel for core events. Nothing else crosses.
import type { MethodName } from '../../shared/api/contract';

export const IPC_METHOD_PREFIX = 'rapport:';
export const IPC_EVENT_CHANNEL = 'rapport:event';

export function methodChannel(method: MethodName): string {
  return `${IPC_METHOD_PREFIX}${method}`;
}
