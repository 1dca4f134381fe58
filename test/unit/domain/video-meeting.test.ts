import { describe, expect, it } from 'vitest';
import { videoMeetingUrl } from '../../../src/domain/video-meeting.js';

describe('videoMeetingUrl', () => {
  it('is the video service address followed by the room', () => {
    const room = '5f2d0c9ab8e64f0f9d7c3b2a1e0f4d6c';
    expect(videoMeetingUrl('https://meet.jit.si', { channel: 'video', videoRoom: room })).toBe(
      `https://meet.jit.si/${room}`,
    );
    expect(videoMeetingUrl('https://video.dian.test/salas/', { channel: 'video', videoRoom: room })).toBe(
      `https://video.dian.test/salas/${room}`,
    );
  });

  it('is null for other channels and for an appointment without a room', () => {
    expect(videoMeetingUrl('https://meet.jit.si', { channel: 'presencial', videoRoom: 'abc' })).toBeNull();
    expect(videoMeetingUrl('https://meet.jit.si', { channel: 'video', videoRoom: null })).toBeNull();
  });
});
