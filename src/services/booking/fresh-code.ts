import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { newConfirmationCode } from '../../domain/confirmation-code.js';
import { insertAppointment, type NewAppointment } from '../../repositories/appointments.js';

/** Inserts an appointment under a new random code, drawing again in the (very unlikely) case of a clash. */
export async function insertWithFreshCode(
  trx: Kysely<DB>,
  a: Omit<NewAppointment, 'code'>,
): Promise<{ id: number; code: string }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = newConfirmationCode();
    const id = await insertAppointment(trx, { ...a, code });
    if (id !== undefined) return { id, code };
  }
  throw new Error('could not draw a free confirmation code in 5 attempts');
}
