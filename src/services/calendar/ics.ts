import { TZDate } from '@date-fns/tz';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { BOGOTA } from '../../domain/civil-time.js';

/** One event of a calendar file. Times are instants; the file shows them in Bogotá time. */
export interface CalendarEvent {
  /** Stable per appointment, so importing a newer file updates the event instead of adding one. */
  uid: string;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  location: string;
  description: string;
  url?: string;
  /** When the file was made (DTSTAMP); passed in so the output does not depend on the clock. */
  stamp: Date;
  /** Raise it for each change of the same event (a reschedule, a cancellation). */
  sequence?: number;
  cancelled?: boolean;
}

interface CalendarOptions {
  /** The calendar's language, for PRODID. */
  language: 'ES' | 'EN';
  name: string;
}

/**
 * America/Bogota has kept UTC−05:00 with no daylight saving since 1993, so one STANDARD observance is
 * exact for every appointment the product can hold (and for calendar clients that lack the zone).
 */
const BOGOTA_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${BOGOTA}`,
  `X-LIC-LOCATION:${BOGOTA}`,
  'BEGIN:STANDARD',
  // the end of the 1992–93 daylight-saving period: 1993-02-07 00:00 at −04:00 became 23:00 at −05:00
  'TZOFFSETFROM:-0400',
  'TZOFFSETTO:-0500',
  'TZNAME:-05',
  'DTSTART:19930207T000000',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/**
 * An iCalendar file (RFC 5545) with the events, times written as Bogotá wall-clock times with
 * `TZID=America/Bogota` and the zone's VTIMEZONE included: the e-mail attachment and the download of
 * the citizen pages.
 */
export function calendarFile(events: readonly CalendarEvent[], options: CalendarOptions): string {
  const calendar = ical({
    prodId: { company: 'DIAN', product: 'Agendamiento de Citas', language: options.language },
    name: options.name,
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone (it would write DTSTAMP as local time); the events carry the zone, and the
    // generator adds its VTIMEZONE.
    timezone: { name: null, generator: (zone) => (zone === BOGOTA ? BOGOTA_VTIMEZONE : null) },
  });
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      // ical-generator writes a TZDate's wall-clock time in the event's zone, whatever the server's zone.
      start: new TZDate(event.startsAt.getTime(), BOGOTA),
      end: new TZDate(event.endsAt.getTime(), BOGOTA),
      timezone: BOGOTA,
      stamp: event.stamp,
      summary: event.summary,
      location: event.location,
      description: event.description,
      ...(event.url ? { url: event.url } : {}),
      sequence: event.sequence ?? 0,
      status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
