/**
 * Starts a report pack (every government rapor of a publication in one zip, made in the
 * background) and follows it with the shared job progress bar. Strings: `reports`.
 */
import { Button, Checkbox, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStartReportPack } from '../api/reports-writes.ts';
import { isApiError } from '../lib/api.ts';
import type { Lang } from '../lib/format.ts';
import { JobProgress } from './job-progress.tsx';

export function ReportPackButton({ publicationId }: { publicationId: string }) {
  const { t } = useTranslation('reports');
  const start = useStartReportPack(publicationId);
  const [lang, setLang] = useState<Lang>('id');
  const [units, setUnits] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  return (
    <Stack gap="xs" maw={520}>
      <Text fw={600}>{t('pack.title')}</Text>
      <Text size="sm">{t('pack.intro')}</Text>
      <NativeSelect
        label={t('pack.lang')}
        value={lang}
        onChange={(e) => setLang(e.currentTarget.value === 'en' ? 'en' : 'id')}
        data={[
          { value: 'id', label: t('pack.lang.id') },
          { value: 'en', label: t('pack.lang.en') },
        ]}
      />
      <Checkbox label={t('pack.units')} checked={units} onChange={(e) => setUnits(e.currentTarget.checked)} />
      <div>
        <Button loading={start.isPending} onClick={() => start.mutate({ lang, units }, { onSuccess: (job) => setJobId(job.id) })}>
          {start.isPending ? t('pack.starting') : t('pack.start')}
        </Button>
      </div>
      {start.isError ? (
        <Text role="alert" c="red">
          {t('pack.failed', { message: isApiError(start.error) ? start.error.message : String(start.error) })}
        </Text>
      ) : null}
      {jobId ? <JobProgress jobId={jobId} /> : null}
    </Stack>
  );
}
