/**
 * Device capture of a sheet (issue 13 §2): when it was started, where (GPS with accuracy, with
 * permission), and the respondent's identity as a sha256 made here — the clear phone number or
 * key never leaves the form field (not in drafts, the outbox or on the server). Pure helpers
 * plus the browser calls (geolocation, Web Crypto); the panel is `capture-panel.tsx`.
 */
import { haversineMetres } from '../../core/fieldwork.ts';
import type { SheetCapture } from '../lib/offline-db.ts';

export type { SheetCapture };

/** sha256 (hex) of the normalised identity: digits only for a phone number, else trimmed lower case. */
export async function respondentKeyOf(clear: string): Promise<string | null> {
  const digits = clear.replace(/\D/g, '');
  const norm = digits.length >= 6 ? digits : clear.trim().toLowerCase();
  if (!norm) return null;
  const bytes = new TextEncoder().encode(`pantau-respondent:v1:${norm}`);
  const hash = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export type PositionVerdict =
  | { kind: 'missing'; error?: SheetCapture['positionError'] }
  | { kind: 'unit-unknown' }
  | { kind: 'near' | 'far'; metres: number; accuracy: number };

/** Where the sheet stands against its unit: the server's 'far-from-unit' rule (distance − accuracy > limit). */
export function positionVerdict(
  capture: SheetCapture | undefined,
  unit: { latitude: number | null; longitude: number | null } | undefined,
  maxMetres: number | undefined,
): PositionVerdict {
  const p = capture?.position;
  if (!p) return capture?.positionError ? { kind: 'missing', error: capture.positionError } : { kind: 'missing' };
  if (!unit || unit.latitude === null || unit.longitude === null) return { kind: 'unit-unknown' };
  const metres = Math.round(haversineMetres({ lat: p.lat, lon: p.lon }, { lat: unit.latitude, lon: unit.longitude }));
  const accuracy = Math.round(p.accuracy ?? 0);
  const far = maxMetres !== undefined && metres - accuracy > maxMetres;
  return { kind: far ? 'far' : 'near', metres, accuracy };
}

/** One position fix from the browser (asks permission the first time). */
export function capturePosition(timeoutMs = 15_000): Promise<Pick<SheetCapture, 'position' | 'positionError'>> {
  return new Promise((resolve) => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      resolve({ position: null, positionError: 'unsupported' });
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (pos) =>
        resolve({
          position: {
            lat: pos.coords.latitude,
            lon: pos.coords.longitude,
            accuracy: pos.coords.accuracy,
            at: new Date(pos.timestamp || Date.now()).toISOString(),
          },
        }),
      (err) => resolve({ position: null, positionError: err.code === err.PERMISSION_DENIED ? 'denied' : 'unavailable' }),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}
