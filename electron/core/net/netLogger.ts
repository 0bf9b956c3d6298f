// What the HTTP layer may say about a request. Fields are scalar on purpose: no headers, bodies
// or query strings are ever passed in, so a token or password cannot reach a log through here.

export type LogFields = Record<string, string | number | boolean | null>;

export interface NetLogger {
  debug(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
}

export const silentNetLogger: NetLogger = {
  debug: () => {},
  warn: () => {},
};
