/** Start a new sheet: pick a scheme and one of its scored instruments, get a fresh client UUID. */
import { useState } from 'react';
import { Button, Card, NativeSelect, Stack, Title } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { toLang } from '../lib/format.ts';
import { getSchemesQueryOptions } from '../lib/schemes.ts';
import { newId } from '../lib/uuid.ts';

const DEFAULT_SCHEME = 'ombudsman-2024';

export function NewSheetCard() {
  const { t, i18n } = useTranslation('assess');
  const lang = toLang(i18n.resolvedLanguage);
  const navigate = useNavigate();
  const { data: schemes } = useSuspenseQuery(getSchemesQueryOptions());
  const [schemeId, setSchemeId] = useState(schemes.some((s) => s.id === DEFAULT_SCHEME) ? DEFAULT_SCHEME : (schemes[0]?.id ?? ''));
  const scheme = schemes.find((s) => s.id === schemeId);
  const instruments = scheme?.instruments ?? [];
  const [instrument, setInstrument] = useState(instruments[0]?.code ?? '');
  const chosen = instruments.some((i) => i.code === instrument) ? instrument : (instruments[0]?.code ?? '');

  const start = () =>
    void navigate({ to: '/assess/sheets/$sheetId', params: { sheetId: newId() }, search: { scheme: schemeId, instrument: chosen } });

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="new-sheet-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="new-sheet-title">
          {t('home.new.title')}
        </Title>
        <NativeSelect
          label={t('home.new.scheme')}
          value={schemeId}
          onChange={(e) => setSchemeId(e.currentTarget.value)}
          data={schemes.map((s) => ({ value: s.id, label: s.title[lang] }))}
        />
        <NativeSelect
          label={t('home.new.instrument')}
          value={chosen}
          onChange={(e) => setInstrument(e.currentTarget.value)}
          data={instruments.map((i) => ({
            value: i.code,
            label: t('home.new.instrument_option', { title: i.title[lang], respondent: i.respondent[lang] }),
          }))}
        />
        <Button onClick={start} disabled={!chosen} w="fit-content">
          {t('home.new.start')}
        </Button>
      </Stack>
    </Card>
  );
}
