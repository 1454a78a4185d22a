/**
 * Admin: import historical (published) results from the template. The file is uploaded with a
 * progress bar and checked row by row on the server; a refused file shows every problem
 * (sheet · row · column · message) and nothing is saved; a valid one starts the insert job,
 * whose progress ends in a link to the new imported cycle.
 */
import { useState, type FormEvent } from 'react';
import { Alert, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Job } from '../../shared/wire/jobs.ts';
import { type ImportIssue, ResultsImportFields, type ResultsImported } from '../../shared/wire/transfer.ts';
import { importIssues, xlsxLinks } from '../api/transfer.ts';
import { useImportResults, useResultsImported } from '../api/transfer-writes.ts';
import { useFormat } from '../lib/format.ts';
import { getSchemesQueryOptions } from '../lib/schemes.ts';
import { ButtonLink } from '../ui/links.tsx';
import { JobProgress } from '../ui/job-progress.tsx';
import { IssueTable } from '../ui/issue-table.tsx';
import { UploadField } from './upload-field.tsx';
import { outOfRange, RangeNumberInput } from '../ui/range-number-input.tsx';
import { boundsOf } from '../lib/form-schema.ts';

/** The years a historical result may carry: the server's bounds. */
const YEARS = boundsOf(ResultsImportFields.shape.year);

export function ResultsImportScreen() {
  const { t } = useTranslation('transfer');
  const format = useFormat();
  const importResults = useImportResults();
  const resultsImported = useResultsImported();
  const schemes = useQuery(getSchemesQueryOptions());
  const [name, setName] = useState('');
  const [schemeId, setSchemeId] = useState<string | null>(null);
  const [year, setYear] = useState<number | string>('');
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<ImportIssue[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [created, setCreated] = useState<ResultsImported | null>(null);
  const [missingScheme, setMissingScheme] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMissingScheme(!schemeId);
    if (!file || !schemeId || !name.trim() || outOfRange(year, YEARS)) return;
    setBusy(true);
    setIssues(null);
    setFailure(null);
    setJob(null);
    setCreated(null);
    setSent(0);
    try {
      setJob(
        await importResults.mutateAsync({
          fields: { name: name.trim(), schemeId, ...(typeof year === 'number' ? { year } : {}) },
          file,
          lang: format.lang,
          onProgress: setSent,
        }),
      );
    } catch (error) {
      const list = importIssues(error);
      if (list) setIssues(list);
      else setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
      setSent(null);
    }
  }

  return (
    <Stack gap="lg" maw={1000}>
      <Stack gap={4}>
        <Title order={1} size="h2" id="results-import-title">
          {t('results.title')}
        </Title>
        <Text c="dimmed">{t('results.intro')}</Text>
      </Stack>
      <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="results-import-title">
        <UploadField templateUrl={xlsxLinks.resultsTemplate(format.lang)} file={file} onFile={setFile} sent={sent} busy={busy}>
          <TextInput
            label={t('results.name')}
            placeholder={t('results.name_placeholder')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            maxLength={200}
          />
          <Select
            label={t('results.scheme')}
            placeholder={t('results.scheme_placeholder')}
            data={(schemes.data ?? []).map((s) => ({ value: s.id, label: `${s.id} — ${s.title[format.lang]}` }))}
            value={schemeId}
            onChange={(v) => {
              setSchemeId(v);
              setMissingScheme(false);
            }}
            error={missingScheme ? t('results.scheme_required') : null}
            searchable
            required
          />
          <RangeNumberInput
            label={t('results.year')}
            description={t('results.year_hint')}
            value={year}
            onChange={setYear}
            {...YEARS}
            allowDecimal={false}
            maw={320}
          />
        </UploadField>
      </Paper>
      {failure && (
        <Alert color="red" role="alert">
          {t('upload.failed', { message: failure })}
        </Alert>
      )}
      {issues && <IssueTable issues={issues} />}
      {job && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Text fw={600}>{t('results.inserting')}</Text>
            <JobProgress
              jobId={job.id}
              onFinished={(done) => {
                if (done.status !== 'done') return;
                setCreated(done.result as ResultsImported);
                void resultsImported();
              }}
            />
          </Stack>
        </Paper>
      )}
      {created && (
        <Alert color="green" title={t('results.created_title')} role="status">
          <Stack gap="xs">
            <Text size="sm">
              {t('results.created_body', {
                name: created.name,
                year: created.year,
                scheme: created.schemeId,
                n: format.integer(created.bodies),
              })}
            </Text>
            <ButtonLink to="/admin/cycles/$cycleId" params={{ cycleId: created.cycleId }} size="xs" w="fit-content">
              {t('results.open_cycle')}
            </ButtonLink>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
