import { formatTime } from '../../i18n/format.js';
import type { Locale } from '../../i18n/index.js';
import type { SlotWithRoom } from '../../repositories/availability.js';
import type { OfficeView } from '../catalogue/offices.js';
import type { Choice } from './choice.js';

/** The times of one office (or of a remote channel) on the times page. */
export interface SlotGroup {
  officeName: string;
  detail?: string | undefined;
  slots: { slotId: number; time: string; available: number }[];
}

/** A day's times grouped by office, in the order the search found them; a remote channel is one group. */
export function slotGroups(
  slots: readonly SlotWithRoom[],
  choice: Choice,
  offices: readonly OfficeView[],
  locale: Locale,
): SlotGroup[] {
  const groups: SlotGroup[] = [];
  for (const s of slots) {
    const office = offices.find((o) => o.code === s.officeCode);
    const name = choice.channel.remote ? choice.channel.name : (office?.name ?? s.officeCode);
    let group = groups.find((g) => g.officeName === name);
    if (!group) {
      group = {
        officeName: name,
        detail: choice.channel.remote ? undefined : office ? `${office.address}, ${office.city}` : undefined,
        slots: [],
      };
      groups.push(group);
    }
    group.slots.push({ slotId: s.slotId, time: formatTime(s.startsAt, locale), available: s.available });
  }
  return groups;
}
