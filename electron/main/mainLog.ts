// The logging surface main's modules depend on. index.ts hands them electron-log (file +
// console); tests hand them a recorder. Callers log method names, reasons and error messages,
// never contract inputs, which may carry handles, notes or (later) tokens.

export interface MainLog {
  info(...params: unknown[]): void;
  warn(...params: unknown[]): void;
  error(...params: unknown[]): void;
}
