// The HttpClient every network test kit uses: the real HTTP layer, with its log lines captured (so
// a test can prove no secret is ever logged) and, unless `realTimers`, its waits recorded instead
// of slept, so retry and rate-limit tests stay fast.
import { HttpClient } from '../../electron/core/net/httpClient';
import type { HttpClientOptions } from '../../electron/core/net/httpClientOptions';
import type { LogFields, NetLogger } from '../../electron/core/net/netLogger';

export interface RecordingHttpClient {
  http: HttpClient;
  logLines: string[];
  /** Waits the client asked for (the real timer is not used unless `realTimers`). */
  sleeps: number[];
}

export function recordingHttpClient(
  serviceName: string,
  options: { realTimers?: boolean; http?: HttpClientOptions } = {},
): RecordingHttpClient {
  const logLines: string[] = [];
  const capture = (message: string, fields?: LogFields) => void logLines.push(`${message} ${JSON.stringify(fields ?? {})}`);
  const logger: NetLogger = { debug: capture, warn: capture };
  const sleeps: number[] = [];
  const http = new HttpClient({
    logger,
    serviceName,
    ...(options.realTimers ? {} : { sleep: async (ms: number) => void sleeps.push(ms) }),
    ...options.http,
  });
  return { http, logLines, sleeps };
}
