// Signed tokens of public surveys, never stored: a device token (one response per device and
// period without accounts) and a kiosk token (a tablet in the service hall, no per-device limit).
// Both are HMACs under the server's `session` key (config/secrets.ts).
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const mac = (key: Buffer, purpose: string, value: string): string =>
  createHmac('sha256', key).update(`${purpose}:${value}`).digest('base64url').slice(0, 32);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A new device token: `<random id>.<mac>`. */
export function issueDeviceToken(key: Buffer): string {
  const id = randomBytes(16).toString('base64url');
  return `${id}.${mac(key, 'survey-device', id)}`;
}

/** The device id of a valid token, or null. */
export function verifyDeviceToken(key: Buffer, token: string): string | null {
  const [id, sig, extra] = token.split('.');
  if (!id || !sig || extra !== undefined || id.length > 64) return null;
  return same(sig, mac(key, 'survey-device', id)) ? id : null;
}

/** The per-survey key of a device (the table stores this hash, never the token). */
export function deviceKey(surveyId: string, deviceId: string): string {
  return createHash('sha256').update(`${surveyId}\n${deviceId}`).digest('hex');
}

/** The kiosk token of a survey. */
export function kioskToken(key: Buffer, surveyId: string): string {
  return mac(key, 'survey-kiosk', surveyId);
}

export function verifyKioskToken(key: Buffer, surveyId: string, token: string): boolean {
  return same(token, kioskToken(key, surveyId));
}
