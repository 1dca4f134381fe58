/**
 * Where a video appointment meets: the video service's address (`VIDEO_BASE_URL`) followed by the
 * appointment's own room. Everything that tells a person or an officer where to meet (pages, e-mails,
 * calendar file, desk) asks this one function, so they can never disagree. Null when the appointment is
 * not by video or has no room (one whose personal data was erased loses it).
 */
export function videoMeetingUrl(
  baseUrl: string,
  appointment: { channel: string; videoRoom: string | null },
): string | null {
  if (appointment.channel !== 'video' || !appointment.videoRoom) return null;
  return `${baseUrl.replace(/\/+$/, '')}/${encodeURIComponent(appointment.videoRoom)}`;
}
