import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { bookingWindow } from '../../domain/booking-window.js';
import { CHANNELS, type Channel, isRemote } from '../../domain/channels.js';
import * as repo from '../../repositories/next-available.js';
import type { ServiceContext } from '../context.js';

/** How long the public summary is reused: it is informational, and a minute keeps it cheap. */
const NEXT_AVAILABLE_TTL_MS = 60_000;

interface NextPlace {
  procedure: string;
  procedureName: { es: string; en: string };
  channel: Channel;
  remote: boolean;
  /** Null when nothing is free in the booking window. */
  startsAt: Date | null;
  officeCode: string | null;
  officeName: string | null;
  city: string | null;
  available: number;
}

export interface NextPlaces {
  generatedAt: Date;
  items: NextPlace[];
}

const cache = new WeakMap<Kysely<DB>, { at: number; value: Promise<NextPlaces> }>();

async function compute(ctx: ServiceContext): Promise<NextPlaces> {
  const window = bookingWindow(ctx.now, ctx.config);
  const firsts = await repo.selectFirstPlaces(ctx.db, {
    earliest: window.earliest,
    lastDate: window.lastDate,
    now: ctx.now,
  });
  const procedures = await repo.selectBookableProcedures(ctx.db);
  const offices = new Map((await repo.selectOfficePlaces(ctx.db)).map((o) => [o.code, o]));
  const byKey = new Map(firsts.map((f) => [`${f.procedure}|${f.channel}`, f]));
  const items: NextPlace[] = [];
  for (const p of procedures) {
    for (const channel of CHANNELS.filter((c) => p.channels.includes(c))) {
      const f = byKey.get(`${p.code}|${channel}`);
      const office = f ? offices.get(f.officeCode) : undefined;
      const remote = isRemote(channel);
      items.push({
        procedure: p.code,
        procedureName: { es: p.name_es, en: p.name_en },
        channel,
        remote,
        startsAt: f?.startsAt ?? null,
        officeCode: f && !remote ? f.officeCode : null,
        officeName: office && !remote ? office.name : null,
        city: office && !remote ? office.city : null,
        available: f?.available ?? 0,
      });
    }
  }
  return { generatedAt: ctx.now, items };
}

/**
 * The first free place per procedure and channel, the same for everyone, computed at most once a
 * minute per process (by the app's clock). A failed computation is not kept.
 */
export function nextAvailable(ctx: ServiceContext): Promise<NextPlaces> {
  const hit = cache.get(ctx.db);
  const now = ctx.now.getTime();
  if (hit && now >= hit.at && now - hit.at < NEXT_AVAILABLE_TTL_MS) return hit.value;
  const value = compute(ctx);
  cache.set(ctx.db, { at: now, value });
  value.catch(() => {
    if (cache.get(ctx.db)?.value === value) cache.delete(ctx.db);
  });
  return value;
}
