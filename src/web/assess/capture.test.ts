import { describe, expect, it } from 'vitest';
import { toRecordPayload } from '../lib/sync.ts';
import { positionVerdict, respondentKeyOf } from './capture.ts';

const unit = { latitude: -6.178, longitude: 106.63 };

describe('capture (issue 13)', () => {
  it('hashes the respondent identity on the device: digits of a phone number, never the clear value', async () => {
    const a = await respondentKeyOf('0812-3456-7890');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(await respondentKeyOf('+0812 3456 7890')).toBe(a);
    expect(a).not.toContain('081234567890');
    expect(await respondentKeyOf('   ')).toBeNull();
  });

  it('says whether the position is missing, near or far from the unit (distance minus accuracy against the limit)', () => {
    expect(positionVerdict(undefined, unit, 500)).toEqual({ kind: 'missing' });
    expect(positionVerdict({ positionError: 'denied' }, unit, 500)).toEqual({ kind: 'missing', error: 'denied' });
    const at = '2024-07-02T01:00:00Z';
    expect(positionVerdict({ position: { lat: -6.178, lon: 106.63, accuracy: 10, at } }, { latitude: null, longitude: null }, 500)).toEqual(
      {
        kind: 'unit-unknown',
      },
    );
    expect(positionVerdict({ position: { lat: -6.1785, lon: 106.63, accuracy: 10, at } }, unit, 500)).toMatchObject({
      kind: 'near',
      metres: 56,
    });
    expect(positionVerdict({ position: { lat: -6.228, lon: 106.63, accuracy: 20, at } }, unit, 500)).toMatchObject({ kind: 'far' });
    // A coarse fix whose accuracy covers the distance is not "far".
    expect(positionVerdict({ position: { lat: -6.184, lon: 106.63, accuracy: 300, at } }, unit, 500)).toMatchObject({ kind: 'near' });
  });

  it('sends start, finish, position and the hashed key with the record', () => {
    const key = 'a'.repeat(64);
    const payload = toRecordPayload({
      id: '7b4c3f1e-8a53-4b2a-9f0e-0a8b8c2d1e3f',
      cycleId: '1b4c3f1e-8a53-4b2a-9f0e-0a8b8c2d1e3f',
      unitKey: '2b4c3f1e-8a53-4b2a-9f0e-0a8b8c2d1e3f',
      instrument: 'pengguna',
      queuedAt: '2024-07-02T01:15:00.000Z',
      value: {
        respondent: 'Pengguna 1',
        notes: '',
        answers: { O1: 3 },
        capture: {
          startedAt: '2024-07-02T01:00:00.000Z',
          position: { lat: -6.1, lon: 106.6, accuracy: 8, at: '2024-07-02T01:00:05.000Z' },
          respondentKey: key,
        },
      },
    });
    expect(payload).toMatchObject({
      startedAt: '2024-07-02T01:00:00.000Z',
      finishedAt: '2024-07-02T01:15:00.000Z',
      latitude: -6.1,
      longitude: 106.6,
      accuracy: 8,
      respondentKey: key,
    });
  });
});
