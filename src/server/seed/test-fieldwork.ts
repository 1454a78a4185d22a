// Test-only (issue 13): the pimpinan acknowledges every open fieldwork warning of a unit, as a
// reviewer does before approving a unit whose fixture answers are deliberately uniform.
import type { World } from './test-world.ts';

export async function acknowledgeAllFlags(
  w: World,
  cycleId: string,
  unitId: string,
  who: 'pimpinan' | 'admin' = 'pimpinan',
): Promise<number> {
  const res = await w.call(who, { method: 'GET', url: `/api/v1/cycles/${cycleId}/units/${unitId}/fieldwork-flags` });
  if (res.statusCode !== 200) throw new Error(`fieldwork flags: ${res.statusCode} ${res.body.slice(0, 400)}`);
  const items = (res.json() as { items: { recordId: string; severity: string; acknowledged: unknown }[] }).items;
  const open = new Set(items.filter((f) => f.severity === 'warning' && f.acknowledged === null).map((f) => f.recordId));
  for (const id of open) {
    const ack = await w.call(who, {
      method: 'POST',
      url: `/api/v1/records/${id}/fieldwork-flags/acknowledge`,
      payload: { note: 'Diperiksa; pola jawaban wajar untuk data uji.' },
    });
    if (ack.statusCode !== 200) throw new Error(`acknowledge: ${ack.statusCode} ${ack.body.slice(0, 400)}`);
  }
  return open.size;
}
