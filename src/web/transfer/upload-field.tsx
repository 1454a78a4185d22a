/**
 * The shared upload part of both import screens: a template download link, the file picker,
 * the submit button and the upload progress ("Mengunggah: 40 %", then "Memeriksa setiap
 * baris…" while the server validates).
 */
import type { ReactNode } from 'react';
import { Anchor, Button, FileInput, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/format.ts';

export interface UploadFieldProps {
  templateUrl: string;
  file: File | null;
  onFile: (file: File | null) => void;
  /** null: not uploading; 0–1 while sending. */
  sent: number | null;
  busy: boolean;
  disabled?: boolean;
  children?: ReactNode;
}

export function UploadField({ templateUrl, file, onFile, sent, busy, disabled, children }: UploadFieldProps) {
  const { t } = useTranslation('transfer');
  const format = useFormat();
  const status = sent === null ? null : sent < 1 ? t('upload.sending', { percent: format.percent(sent * 100, 0) }) : t('upload.checking');
  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="wrap">
        <Anchor href={templateUrl} download fw={600}>
          {t('upload.template')}
        </Anchor>
        <Text size="sm" c="dimmed">
          {t('upload.template_hint')}
        </Text>
      </Group>
      {children}
      <FileInput
        label={t('upload.file')}
        description={t('upload.file_hint')}
        placeholder={t('upload.file_placeholder')}
        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        value={file}
        onChange={onFile}
        clearable
        clearButtonProps={{ 'aria-label': t('upload.file_clear') }}
        required
        disabled={busy || disabled}
      />
      <Group>
        <Button type="submit" loading={busy} disabled={!file || disabled}>
          {t('upload.submit')}
        </Button>
      </Group>
      {status && (
        <Stack gap={4}>
          <Progress value={Math.round((sent ?? 0) * 100)} animated={busy} aria-label={t('upload.progress_label')} aria-valuetext={status} />
          <Text size="sm" role="status" aria-live="polite">
            {status}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
