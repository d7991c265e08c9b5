/**
 * The only logger the server uses. It takes an event name and a flat record of numbers, booleans
 * and short known words: it has no way to receive a request, a socket or free text, so an IP
 * address, user agent or chat message cannot end up in a log line by accident.
 */
export type LogValue = number | boolean | string | undefined;
export type LogFields = Record<string, LogValue>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/** Values that could carry personal data are cut to a short token-safe shape. */
const SAFE_WORD = /^[a-z0-9_.:/-]{0,64}$/i;

function clean(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string' && !SAFE_WORD.test(value)) out[key] = '[weggelaten]';
    else out[key] = value;
  }
  return out;
}

export function createLogger(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  const emit = (level: string, event: string, fields: LogFields = {}) =>
    write(JSON.stringify({ time: new Date().toISOString(), level, event, ...clean(fields) }));
  return {
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
  };
}

/** Error details without the message text, which may quote user input. */
export function errorFields(error: unknown): LogFields {
  if (error instanceof Error) return { error: error.name, code: (error as { code?: string }).code };
  return { error: typeof error };
}
