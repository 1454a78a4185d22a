// issue 10: the "mandiri" line of a PEKPPP result (public PEKPPP pages, PEKPPP screens): not yet
// validated by KemenPANRB, validated on a date, or returned with a reason (shared/mandiri-note.ts).
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { mandiriNote } from '../../shared/mandiri-note.ts';
import type { CycleSummary } from '../../shared/wire/cycles.ts';

export function MandiriNote({ cycle }: { cycle: Pick<CycleSummary, 'mandiri' | 'terms'> | undefined | null }) {
  const { i18n } = useTranslation();
  const m = cycle?.mandiri;
  if (!m) return null;
  const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'id';
  return (
    <Alert color={m.status === 'validated' ? 'green' : 'yellow'} variant="light" p="xs" data-testid="mandiri-note">
      {mandiriNote(m, lang, cycle?.terms?.issuerShort[lang])}
    </Alert>
  );
}
