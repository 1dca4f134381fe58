export const CHANNELS = ['presencial', 'video', 'telefono', 'correo'] as const;
export type Channel = (typeof CHANNELS)[number];

export function isChannel(value: string): value is Channel {
  return (CHANNELS as readonly string[]).includes(value);
}

export function isRemote(channel: Channel): boolean {
  return channel !== 'presencial';
}

export const CATEGORIES = ['tributario', 'aduanero', 'cambiario', 'transversal'] as const;
export type Category = (typeof CATEGORIES)[number];
