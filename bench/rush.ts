import { type LoadResult, load } from './load.js';
import { holdIdOf, person, pickSlot } from './people.js';

export interface RushPlan {
  /** One or more app processes (autocannon spreads the connections over them). */
  urls: string[];
  people: number;
  procedure: string;
  channel: string;
  city: string;
  /** The days the places are on; person n looks at day n mod days first. */
  days: string[];
  connections: number;
  /** Document numbers start here; each person has their own. */
  firstDocument: number;
  /** How many times a person who lost a place to someone else searches and tries again. */
  triesPerPerson?: number;
  /** Stop waiting after this long even if people are still trying. */
  maxSeconds?: number;
}

export interface RushOutcome {
  load: LoadResult;
  people: number;
  searches: number;
  /** Searches that found nothing left on the day. */
  emptySearches: number;
  holdAttempts: number;
  holdsPlaced: number;
  holdsFull: number;
  holdsOther: number;
  confirmations: number;
  confirmFailures: number;
  /** From the first request to the last place confirmed. */
  secondsToSellOut: number;
  /** Hold attempts (placed or refused) per second while places were left. */
  holdAttemptsPerSecond: number;
  holdsPlacedPerSecond: number;
  /**
   * The rush's own requests (searches, holds, confirmations) per second until the last person was done:
   * autocannon's figure also counts the `/health/live` filler its idle connections send meanwhile.
   */
  rushRequestsPerSecond: number;
}

interface Context {
  person?: number;
  slotId?: number;
  holdId?: string;
  filler?: boolean;
}

/**
 * The booking rush: many distinct people at once, each searching a day's times, holding one place with
 * room and confirming it with their own data. Whoever loses the last place of a slot to someone else
 * searches again (a few times); whoever finds the day empty gives up. Runs until every person is done.
 */
export async function runRush(plan: RushPlan): Promise<RushOutcome> {
  const tries = plan.triesPerPerson ?? 3;
  const retry: number[] = [];
  const attempts = new Uint8Array(plan.people);
  let next = 0;
  let finished = 0;
  const c = {
    searches: 0,
    emptySearches: 0,
    holdAttempts: 0,
    holdsPlaced: 0,
    holdsFull: 0,
    holdsOther: 0,
    confirmations: 0,
    confirmFailures: 0,
  };
  const started = performance.now();
  let lastSale = started;
  let attemptsAtLastSale = 0;
  let allDone = started;
  let stop: () => void = () => undefined;
  const done = () => {
    finished++;
    if (finished >= plan.people) {
      allDone = performance.now();
      stop();
    }
  };
  const slotsPath = (day: string) =>
    `/api/v1/availability/slots?procedure=${plan.procedure}&channel=${plan.channel}&city=${plan.city}&date=${day}`;

  const result = await load(
    {
      url: plan.urls,
      connections: plan.connections,
      duration: plan.maxSeconds ?? 120,
      timeout: 30,
      headers: { 'content-type': 'application/json' },
      requests: [
        {
          setupRequest: (req, context: Context) => {
            const who = retry.shift() ?? (next < plan.people ? next++ : undefined);
            if (who === undefined) {
              context.filler = true;
              return { ...req, method: 'GET', path: '/health/live', body: undefined };
            }
            context.person = who;
            const day = plan.days[(who + (attempts[who] ?? 0)) % plan.days.length] ?? '';
            return { ...req, method: 'GET', path: slotsPath(day), body: undefined };
          },
          onResponse: (status, body, context: Context) => {
            if (context.filler || context.person === undefined) return;
            c.searches++;
            context.slotId = status === 200 ? pickSlot(body) : undefined;
            if (context.slotId === undefined) {
              c.emptySearches++;
              done();
            }
          },
        },
        {
          setupRequest: (req, context: Context) => {
            if (context.slotId === undefined) return undefined as unknown as typeof req;
            return {
              ...req,
              method: 'POST',
              path: '/api/v1/holds',
              body: JSON.stringify({
                slotId: context.slotId,
                procedure: plan.procedure,
                channel: plan.channel,
              }),
            };
          },
          onResponse: (status, body, context: Context) => {
            c.holdAttempts++;
            const who = context.person ?? 0;
            if (status === 201) {
              c.holdsPlaced++;
              context.holdId = holdIdOf(body);
              return;
            }
            context.holdId = undefined;
            if (status === 409) c.holdsFull++;
            else c.holdsOther++;
            attempts[who] = (attempts[who] ?? 0) + 1;
            if ((attempts[who] ?? 0) < tries) retry.push(who);
            else done();
          },
        },
        {
          setupRequest: (req, context: Context) => {
            if (context.holdId === undefined) return undefined as unknown as typeof req;
            return {
              ...req,
              method: 'POST',
              path: `/api/v1/holds/${context.holdId}/confirm`,
              body: person(context.person ?? 0, plan.firstDocument),
            };
          },
          onResponse: (status) => {
            if (status === 201) {
              c.confirmations++;
              lastSale = performance.now();
              attemptsAtLastSale = c.holdAttempts;
            } else c.confirmFailures++;
            done();
          },
        },
      ],
    },
    (instance) => {
      stop = () => instance.stop();
    },
  );
  const seconds = Math.max(0.001, (lastSale - started) / 1000);
  const untilDone = Math.max(
    0.001,
    ((finished >= plan.people ? allDone : performance.now()) - started) / 1000,
  );
  return {
    load: result,
    people: plan.people,
    ...c,
    secondsToSellOut: Number(seconds.toFixed(2)),
    holdAttemptsPerSecond: Math.round(attemptsAtLastSale / seconds),
    holdsPlacedPerSecond: Math.round(c.holdsPlaced / seconds),
    rushRequestsPerSecond: Math.round(
      (c.searches + c.holdAttempts + c.confirmations + c.confirmFailures) / untilDone,
    ),
  };
}
