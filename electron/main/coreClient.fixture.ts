// A stand-in core process for coreClient.test.ts: speaks the wire protocol of shared/api/wire.ts
// over Node's child_process IPC with scripted behaviour, so the client's crash, restart and
// shutdown handling can be driven across a real process boundary. (core's own entry is tested
// by its owners; this one exists to make a process misbehave on cue.)
import type { FromCore, ToCore } from '../../shared/api/wire';

function send(message: FromCore): void {
  process.send?.(message);
}

if (process.argv.includes('--fatal')) {
  send({ type: 'fatal', error: { code: 'DB_TOO_NEW', message: 'This database was written by a newer Rapport.' } });
  setTimeout(() => process.exit(3), 20);
} else {
  process.on('message', (message: ToCore) => {
    if (message.type === 'shutdown') {
      process.exit(0);
    }
    if (message.type !== 'call') return;
    switch (message.method) {
      case 'startSync':
        // Never answers: the call stays in flight until the process is killed.
        return;
      case 'cancelSync':
        send({ type: 'event', event: 'people.changed', payload: { accountId: 1, personIds: null } });
        send({ type: 'result', id: message.id, envelope: { ok: true, value: { cancelled: true } } });
        return;
      default:
        send({ type: 'result', id: message.id, envelope: { ok: true, value: { pid: process.pid, input: message.input } } });
    }
  });
  // Late on purpose: calls made before `ready` must wait for it.
  setTimeout(() => send({ type: 'ready' }), 50);
}
// Stays alive until told to shut down or killed, like the real core.
setInterval(() => {}, 1 << 30);
