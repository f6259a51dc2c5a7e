import { IncomingMessage, ServerResponse, validateHeaderName, validateHeaderValue } from 'node:http';
import { Socket } from 'node:net';
import { isDeepStrictEqual } from 'node:util';

export type HeaderList = readonly (readonly [name: string, value: string])[];

type HeaderRecord = Record<string, [string, unknown]>;

/** What Node keeps a response's headers in, when it is laid out as below. */
const OUT_HEADERS = outHeadersKey();

/**
 * Sets the same headers on every response, as `res.setHeader` would one by one. `setHeader`
 * checks each name and value (two regular expressions behind wrappers that copy their arguments),
 * lower-cases the name and stores `[name, value]` under it in the response's header record: a
 * quarter of a microsecond a header, a dozen security headers on every response. These never
 * change, so they are checked once, here, lower-cased once, and written straight into that
 * record. Where Node keeps its headers some other way than the one checked at start-up, each is
 * set with `setHeader`.
 */
export function fixedHeaders(headers: HeaderList): (res: ServerResponse) => void {
  for (const [name, value] of headers) {
    validateHeaderName(name);
    validateHeaderValue(name, value);
  }
  const names = headers.map(([name]) => name);
  const lowerCase = names.map((name) => name.toLowerCase());
  const values = headers.map(([, value]) => value);
  return (res) => {
    const record = recordOf(res);
    if (!record) {
      for (const [name, value] of headers) res.setHeader(name, value);
      return;
    }
    // A new entry each time: appendHeader changes an entry's array in place.
    for (let i = 0; i < names.length; i++) record[lowerCase[i] as string] = [names[i] as string, values[i]];
  };
}

/**
 * Sets one header whose values the caller has made sure are valid (say, only letters, digits and
 * `._-`), the same way: its name is checked once, here.
 */
export function checkedHeader(name: string): (res: ServerResponse, value: string) => void {
  validateHeaderName(name);
  const lowerCase = name.toLowerCase();
  return (res, value) => {
    const record = recordOf(res);
    if (record) record[lowerCase] = [name, value];
    else res.setHeader(name, value);
  };
}

/** The response's header record, made as Node makes it if there is none yet; none once the headers are sent. */
function recordOf(res: ServerResponse): HeaderRecord | undefined {
  if (OUT_HEADERS === undefined || res.headersSent) return undefined;
  const holder = res as unknown as Record<symbol, HeaderRecord | null>;
  let record = holder[OUT_HEADERS];
  if (record === null) {
    record = Object.create(null) as HeaderRecord;
    holder[OUT_HEADERS] = record;
  }
  return record;
}

/**
 * The symbol Node's responses keep their headers under (`kOutHeaders`), if they keep them as
 * Node 20 does: `null` until a header is set, then an object without prototype from each
 * lower-cased name to `[name, value]`.
 */
function outHeadersKey(): symbol | undefined {
  const probe = new ServerResponse(new IncomingMessage(new Socket()));
  const key = Object.getOwnPropertySymbols(probe).find((symbol) => symbol.description === 'kOutHeaders');
  if (key === undefined || (probe as unknown as Record<symbol, unknown>)[key] !== null) return undefined;
  probe.setHeader('X-Probe', 'probe');
  const expected = Object.assign(Object.create(null), { 'x-probe': ['X-Probe', 'probe'] });
  return isDeepStrictEqual((probe as unknown as Record<symbol, unknown>)[key], expected) ? key : undefined;
}

/** Whether headers are written straight into Node's record (for the tests). */
export const writesHeaderRecord = OUT_HEADERS !== undefined;
