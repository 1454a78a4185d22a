/**
 * Progress of one background job: a labelled bar with "12 dari 587", then a download button
 * (when the job made a file) or the translated error. Polls until the job has finished.
 */
import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Job } from '../../shared/wire/jobs.ts';
import { isFinished, jobFileUrl, useJob } from '../api/jobs.ts';
import { useFormat } from '../lib/format.ts';

export interface JobProgressProps {
  jobId: string;
  /** Called once when the job has finished (e.g. to refresh data an import changed). */
  onFinished?: (job: Job) => void;
}

export function JobProgress({ jobId, onFinished }: JobProgressProps) {
  const { t } = useTranslation('ui');
  const format = useFormat();
  const { data: job } = useJob(jobId);
  const reported = useRef(false);
  useEffect(() => {
    if (!job || reported.current || !isFinished(job)) return;
    reported.current = true;
    onFinished?.(job);
  }, [job, onFinished]);
  if (!job) return <Progress value={0} aria-label={t('job.progress_label')} />;
  if (job.status === 'failed') {
    return (
      <Alert color="red" role="alert">
        {t('job.failed', { message: job.error?.message ?? '' })}
      </Alert>
    );
  }
  const label =
    job.status === 'queued'
      ? t('job.queued')
      : job.status === 'done'
        ? t('job.done')
        : job.total > 0
          ? t('job.running', { done: format.integer(job.done), total: format.integer(job.total) })
          : t('job.running_unknown');
  return (
    <Stack gap={6}>
      <Progress value={job.percent ?? 0} animated={job.status !== 'done'} aria-label={t('job.progress_label')} aria-valuetext={label} />
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" role="status" aria-live="polite">
          {label}
        </Text>
        {job.status === 'done' && job.fileName ? (
          <Button component="a" href={jobFileUrl(job.id)} download={job.fileName} size="xs">
            {t('job.download', { name: job.fileName })}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
