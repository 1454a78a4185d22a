/**
 * The facts box of a government's public page (issue 18): what its press release is built from,
 * read from the released publication that covers it in the cycle shown (its province's, else the
 * national one). Loaded after the first paint; nothing shows while there is no such publication.
 */
import { usePublications } from '../api/publications.ts';
import { useFacts } from '../api/recognition.ts';
import { useFormat } from '../lib/format.ts';
import { FactsBox } from '../ui/release-facts-box.tsx';

export function GovernmentFacts({ cycleId, bodyId, provinceCode }: { cycleId: string; bodyId: string; provinceCode: string | null }) {
  const format = useFormat();
  const publications = usePublications(cycleId);
  const released = (publications.data ?? []).filter((p) => p.released && p.status === 'current');
  const covering = released.find((p) => p.scope === provinceCode) ?? released.find((p) => p.scope === 'national');
  const facts = useFacts(covering?.id, covering ? bodyId : undefined, format.lang);
  if (!facts.data) return null;
  return <FactsBox facts={facts.data} />;
}
