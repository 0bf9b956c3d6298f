// electron-log as main's MainLog: a file under <userData>/logs plus the console. We do not call
// log.initialize(): it would inject its own preload into our sandboxed renderer.
import log from 'electron-log/main';
import type { MainLog } from './mainLog';

export function createElectronLog(isDev: boolean): MainLog {
  log.transports.file.level = 'info';
  log.transports.console.level = isDev ? 'debug' : 'warn';
  log.errorHandler.startCatching({ showDialog: false });
  return log.scope('main');
}
