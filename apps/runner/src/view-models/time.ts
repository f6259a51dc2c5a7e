import { localeFor } from '@eq/engine';

/** Times are shown as respondents in the UK read a clock, whatever the server's zone. */
const TIME_ZONE = 'Europe/London';

const clocks = new Map<string, Intl.DateTimeFormat>();
const calendars = new Map<string, Intl.DateTimeFormat>();

/**
 * Clock times written lately, by language and ISO date-time: every page shows when the session
 * ends, and a session's end moves only every so often (session/session-cookie.ts), so the same
 * few are written again and again; formatting a date, and parsing one, are among the dearer
 * calls a page makes.
 */
const recentClockTimes = new Map<string, Map<string, string>>();
const MAX_RECENT = 1000;

/** "14:32" for an ISO date-time; undefined when it is not one. */
export function clockTime(iso: string, lang: string): string | undefined {
  let recent = recentClockTimes.get(lang);
  if (!recent) {
    recent = new Map();
    recentClockTimes.set(lang, recent);
  }
  const known = recent.get(iso);
  if (known !== undefined) return known;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return undefined;
  const locale = localeFor(lang);
  let format = clocks.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: TIME_ZONE,
    });
    clocks.set(locale, format);
  }
  const written = format.format(at);
  if (recent.size >= MAX_RECENT) recent.clear();
  recent.set(iso, written);
  return written;
}

/** "1 June 2025" ("1 Mehefin 2025") for an ISO date-time; undefined when it is not one. */
export function calendarDate(iso: string, lang: string): string | undefined {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  const locale = localeFor(lang);
  let format = calendars.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE });
    calendars.set(locale, format);
  }
  return format.format(date);
}
