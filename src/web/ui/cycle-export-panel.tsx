/**
 * "Ekspor hasil siklus": starts the background export of a cycle's full results (admin: every
 * body; pimpinan: their province's) and follows it with the shared job progress, ending in a
 * download button. The file language follows the UI unless chosen otherwise. Strings: `transfer`.
 */
import { useState } from 'react';
import { Alert, Button, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useStartCycleExport } from '../api/transfer-writes.ts';
import { type Lang, useFormat } from '../lib/format.ts';
import { JobProgress } from './job-progress.tsx';

export function CycleExportPanel({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation('transfer');
  const format = useFormat();
  const [lang, setLang] = useState<Lang>(format.lang);
  const start = useStartCycleExport(cycleId);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cycle-export-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="cycle-export-title">
          {t('export.title')}
        </Title>
        <Text size="sm">{t('export.body')}</Text>
        <SegmentedControl
          aria-label={t('export.language')}
          value={lang}
          onChange={(v) => setLang(v as Lang)}
          data={[
            { value: 'id', label: 'Bahasa Indonesia' },
            { value: 'en', label: 'English' },
          ]}
          w="fit-content"
          size="xs"
        />
        <Button onClick={() => start.mutate(lang)} loading={start.isPending} w="fit-content">
          {t('export.start')}
        </Button>
        {start.error && (
          <Alert color="red" role="alert">
            {t('upload.failed', { message: start.error.message })}
          </Alert>
        )}
        {start.data && <JobProgress key={start.data.id} jobId={start.data.id} />}
      </Stack>
    </Paper>
  );
}
