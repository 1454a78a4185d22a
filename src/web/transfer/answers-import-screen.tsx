/**
 * Asisten: import a unit's answer sheets from the cycle's template. Upload with progress; the
 * server checks every row against the cycle's frozen scheme and creates the records through the
 * same path as the field app's sync (one transaction): a refused file lists every problem and
 * saves nothing; an accepted one reports "N lembar diimpor" and the unit's new score.
 */
import { useState, type FormEvent } from 'react';
import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { AnswersImported, ImportIssue } from '../../shared/wire/transfer.ts';
import { unitWritable, useAssignments } from '../api/locus.ts';
import { useImportAnswers } from '../api/transfer-writes.ts';
import { importIssues, xlsxLinks } from '../api/transfer.ts';
import { useFormat } from '../lib/format.ts';
import { ErrorView } from '../ui/error-view.tsx';
import { ButtonLink } from '../ui/links.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { IssueTable } from '../ui/issue-table.tsx';
import { UploadField } from './upload-field.tsx';

export function AnswersImportScreen() {
  const { t } = useTranslation('transfer');
  const format = useFormat();
  const { cycleId, unitId } = useParams({ from: '/assignments/$cycleId/$unitId/import' });
  const assignments = useAssignments();
  const importAnswers = useImportAnswers(cycleId, unitId);
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<ImportIssue[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<AnswersImported | null>(null);

  if (assignments.isPending) return <PageLoader />;
  if (assignments.isError) return <ErrorView error={assignments.error} onRetry={() => void assignments.refetch()} />;
  const a = assignments.data.find((x) => x.cycle.id === cycleId && x.unit.unitId === unitId);
  if (!a) return <ErrorView kind="notFound" />;
  const writable = unitWritable(a.cycle.status, a.unit.status);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setIssues(null);
    setFailure(null);
    setOutcome(null);
    setSent(0);
    try {
      setOutcome(await importAnswers.mutateAsync({ file, lang: format.lang, onProgress: setSent }));
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
        <ButtonLink to="/assignments/$cycleId/$unitId" params={{ cycleId, unitId }} variant="subtle" px={0} w="fit-content">
          {t('answers.back')}
        </ButtonLink>
        <Title order={1} size="h2">
          {t('answers.title')}
        </Title>
        <Text c="dimmed">{t('answers.subtitle', { unit: a.unit.name, body: a.body.name, cycle: a.cycle.name })}</Text>
        <Text size="sm">{t('answers.intro')}</Text>
      </Stack>
      {!writable && (
        <Alert color="gray" variant="light">
          {t('answers.locked')}
        </Alert>
      )}
      <Paper withBorder p="md" component="form" onSubmit={submit}>
        <UploadField
          templateUrl={xlsxLinks.answersTemplate(cycleId, format.lang)}
          file={file}
          onFile={setFile}
          sent={sent}
          busy={busy}
          disabled={!writable}
        />
      </Paper>
      {failure && (
        <Alert color="red" role="alert">
          {t('upload.failed', { message: failure })}
        </Alert>
      )}
      {issues && <IssueTable issues={issues} />}
      {outcome && (
        <Alert color="green" title={t('answers.done_title')} role="status" data-testid="answers-imported">
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('answers.imported', { count: outcome.created, n: format.integer(outcome.created) })}
            </Text>
            {outcome.unchanged > 0 && (
              <Text size="sm">{t('answers.unchanged', { count: outcome.unchanged, n: format.integer(outcome.unchanged) })}</Text>
            )}
            {outcome.result && (
              <Text size="sm">
                {t('answers.score', { score: format.score(outcome.result.score), band: outcome.result.band.label[format.lang] })}
              </Text>
            )}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
